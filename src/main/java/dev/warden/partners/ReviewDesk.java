package dev.warden.partners;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.warden.providers.Partner;
import dev.warden.providers.PartnerKind;
import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.PartnerWebhooks;
import dev.warden.spi.WebhookEventHandler;
import dev.warden.webhooks.SignedEndpoint;
import dev.warden.webhooks.StandardWebhooksVerifier;
import dev.warden.webhooks.WebhookSecret;

/**
 * A review desk ({@code warden.partners.<id>}, type {@code review}): Warden sends it {@code review.requested} events
 * at its URL, signed with its signing secret, through its own guard; it answers {@code review.completed} at
 * {@code POST /v1/webhooks/<id>}, signed with one of its webhook secrets (several during a rotation).
 */
record ReviewDesk(String id, boolean enabled, SignedEndpoint endpoint, PartnerWebhooks answers) implements Partner {

    static final String FORMAT = "standard-webhooks";

    /** A desk whose answers are verified with {@code webhookSecrets} (built once, not per delivery). */
    static ReviewDesk of(String id, boolean enabled, SignedEndpoint endpoint, List<WebhookSecret> webhookSecrets,
            WebhookEventHandler handler, Clock clock) {
        return new ReviewDesk(id, enabled, endpoint,
                new PartnerWebhooks(new StandardWebhooksVerifier(webhookSecrets, clock), handler));
    }

    @Override
    public PartnerKind kind() {
        return PartnerKind.REVIEW;
    }

    @Override
    public String adapterType() {
        return FORMAT;
    }

    @Override
    public ProviderGuard guard() {
        return endpoint.guard();
    }

    @Override
    public Optional<PartnerWebhooks> webhooks() {
        return Optional.of(answers);
    }
}
