package dev.warden.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.warden.webhooks.inbox.WebhookIntake;

/**
 * Refuses an inbound webhook before its body is read when its partner accepts none or its declared length is over
 * {@code warden.webhooks.max-body-size}, ahead of the general {@link BodySizeFilter} so the webhook limit and its
 * metric apply. A body without a length is measured once read (the HTTP server's own limit bounds that read).
 */
public class WebhookGate {

    private static final Pattern DELIVERY_PATH = Pattern.compile("/v1/webhooks/([^/]+)/?");

    private final WebhookIntake intake;

    WebhookGate(WebhookIntake intake) {
        this.intake = intake;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER - 100)
    public Optional<Response> refuseEarly(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return Optional.empty();
        }
        Matcher delivery = DELIVERY_PATH.matcher(request.getUriInfo().getPath());
        if (!delivery.matches()) {
            return Optional.empty();
        }
        return intake.beforeBody(delivery.group(1), request.getLength()).map(WebhookRefusals::problem);
    }
}
