package dev.warden.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request on the API port an id: the caller's {@code X-Request-Id} when it is a safe token, a fresh UUID
 * otherwise. The id is echoed on the response, whoever writes it (a resource, a problem, Vert.x itself), and is in the
 * log context ({@code requestId}) of every line logged while the request is served: Quarkus keeps the MDC on the
 * request's duplicated Vert.x context, which follows the request across database and vendor round trips.
 */
@ApplicationScoped
class RequestIdFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** What a caller's id may be: short, and nothing a log line or a header could be broken with. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Before every other filter, so even what they refuse carries the id. */
    private static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(RequestIdFilter::identify, PRIORITY);
    }

    private static void identify(RoutingContext request) {
        String offered = request.request().getHeader(HEADER);
        String id = offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        request.addHeadersEndHandler(ignored -> request.response().headers().set(HEADER, id));
        request.next();
    }
}
