package dev.warden.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.warden.api.problems.ProblemTypes;
import dev.warden.api.problems.RoutingProblems;

/**
 * The first and the last word on every request of the API port, at the Vert.x router, before and after the REST
 * layer. First: a request target or head over Warden's own limits ({@code warden.http.*}) gets a {@code 414} or
 * {@code 431} problem, because the HTTP server's hard limits, set higher, answer with a bare status and no body.
 * Last: a request the router itself fails with a 4xx, such as a target that is not a path ({@code *},
 * {@code v1/...}: 404), gets that status as a problem instead of an empty body. (A target that is not a valid URI, such
 * as a broken %-escape, is refused by the HTTP server before the router: README, "Errors".)
 */
@ApplicationScoped
public class RequestHeadGate {

    private final int maxUriLength;
    private final long maxHeaderSize;

    RequestHeadGate(HttpLimitsConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int serverLineLimit,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize serverHeaderLimit) {
        this.maxUriLength = limits.maxUriLength();
        this.maxHeaderSize = limits.maxHeaderSize().asLongValue();
        if (maxUriLength <= 0 || maxUriLength >= serverLineLimit) {
            throw new IllegalStateException("warden.http.max-uri-length (" + maxUriLength + ") must be positive and"
                    + " below quarkus.http.limits.max-initial-line-length (" + serverLineLimit + ")");
        }
        if (maxHeaderSize <= 0 || maxHeaderSize >= serverHeaderLimit.asLongValue()) {
            throw new IllegalStateException("warden.http.max-header-size (" + maxHeaderSize + ") must be positive and"
                    + " below quarkus.http.limits.max-header-size (" + serverHeaderLimit.asLongValue() + ")");
        }
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversized);
        // Vert.x Web fails a target that does not start with '/' with 404 before any route runs; Quarkus' own
        // failure handler would answer that, and any other 4xx the router fails a request with, with an empty body.
        router.route().order(Integer.MIN_VALUE).failureHandler(RequestHeadGate::refused);
    }

    private void refuseOversized(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (request.uri().length() > maxUriLength) {
            RoutingProblems.answer(routing, 414, ProblemTypes.forStatus(414), "URI Too Long",
                    "The request target has " + request.uri().length() + " characters; the limit is " + maxUriLength);
            return;
        }
        long headerSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerSize += header.getKey().length() + header.getValue().length();
        }
        if (headerSize > maxHeaderSize) {
            RoutingProblems.answer(routing, 431, ProblemTypes.forStatus(431), "Request Header Fields Too Large",
                    "The headers have " + headerSize + " bytes; the limit is " + maxHeaderSize);
            return;
        }
        routing.next();
    }

    /** A request the router failed with a 4xx of its own (no exception of Warden's): the same status, as a problem. */
    private static void refused(RoutingContext routing) {
        int status = routing.statusCode();
        if (status < 400 || status >= 500 || routing.response().headWritten()) {
            routing.next();
        } else if (status == 404) {
            RoutingProblems.answer(routing, 404, ProblemTypes.NOT_FOUND, "Not Found", "Not Found");
        } else {
            String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
            RoutingProblems.answer(routing, status, ProblemTypes.forStatus(status), reason, reason);
        }
    }
}
