package dev.warden.api;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.warden.api.problems.ProblemResponses;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.config.LimitsConfig;

/**
 * Refuses a body over {@code warden.limits.max-body-size} with problem details before reading it. Bodies without a
 * Content-Length are cut off by the HTTP server's own limit ({@code quarkus.http.limits.max-body-size}). Reports
 * have a limit of their own ({@code warden.reports.max-body-size}, checked by {@link ReportsGate}): a CyberTip
 * may be larger than a moderation.
 */
public class BodySizeFilter {

    private final LimitsConfig limits;

    BodySizeFilter(LimitsConfig limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limitBodySize(ContainerRequestContext request) {
        long max = limits.maxBodySize().asLongValue();
        if (request.getLength() > max && !ReportsGate.governs(request)) {
            return Optional.of(ProblemResponses.of(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The body has " + request.getLength() + " bytes; the limit is " + max));
        }
        return Optional.empty();
    }
}
