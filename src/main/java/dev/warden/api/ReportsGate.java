package dev.warden.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.warden.api.problems.ProblemResponses;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.config.ReportsConfig;

/**
 * Before {@code /v1/reports} requests are matched: a percent-encoded colon in a report action
 * ({@code /v1/reports/<id>%3Aretry}, which some clients send for {@code :retry}; RFC 3986 makes both the same) is
 * decoded, because routing matches the raw path and would otherwise take it for a report id; and a body declared over
 * {@code warden.reports.max-body-size} is refused before it is read, ahead of the general {@link BodySizeFilter}.
 */
public class ReportsGate {

    private static final Pattern ACTION = Pattern.compile("(/v1/reports/[^/]+?)%3[aA]([a-z]+)");
    private static final String REPORTS = "/v1/reports";

    private final long maxBodySize;

    ReportsGate(ReportsConfig config) {
        this.maxBodySize = config.maxBodySize().asLongValue();
    }

    /** A request under {@code /v1/reports}, whose body limit is this gate's, not {@code warden.limits}'. */
    static boolean governs(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        return path != null && path.startsWith(REPORTS);
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER - 100)
    public Optional<Response> normalise(ContainerRequestContext request) {
        if (!governs(request)) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (HttpMethod.POST.equals(request.getMethod()) && request.getLength() > maxBodySize) {
            return Optional.of(ProblemResponses.of(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The body has " + request.getLength() + " bytes; the limit for reports is " + maxBodySize));
        }
        Matcher action = ACTION.matcher(path);
        if (action.matches()) {
            request.setRequestUri(request.getUriInfo().getRequestUriBuilder()
                    .replacePath(action.group(1) + ":" + action.group(2)).build());
        }
        return Optional.empty();
    }
}
