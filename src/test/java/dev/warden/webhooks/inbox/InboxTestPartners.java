package dev.warden.webhooks.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.providers.Partner;
import dev.warden.providers.PartnerKind;
import dev.warden.providers.PartnerSource;
import dev.warden.resilience.GuardSettings;
import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.PartnerWebhooks;
import dev.warden.webhooks.StandardWebhooksVerifier;
import dev.warden.webhooks.WebhookSecret;

/**
 * Test-only partners that send webhooks (the real ones, review desks, come from {@code warden.partners.*}):
 * {@value #TESTER} accepts two secrets (a rotation in progress), {@value #ROTATED} only the newer one (the older
 * removed), and both hand their events to the {@link ScriptedEvents} handler.
 */
@ApplicationScoped
public class InboxTestPartners implements PartnerSource {

    public static final String TESTER = "inbox-tester";
    public static final String ROTATED = "inbox-rotated";
    public static final String OLD_SECRET = "whsec_aW5ib3gtdGVzdGVyLW9sZC1zZWNyZXQtMDEyMzQ1Njc4OQ==";
    public static final String NEW_SECRET = "whsec_aW5ib3gtdGVzdGVyLW5ldy1zZWNyZXQtOTg3NjU0MzIxMA==";

    private final List<TestPartner> partners;

    InboxTestPartners(ScriptedEvents handler) {
        WebhookSecret oldSecret = WebhookSecret.parse(OLD_SECRET);
        WebhookSecret newSecret = WebhookSecret.parse(NEW_SECRET);
        this.partners = List.of(
                partner(TESTER, new StandardWebhooksVerifier(List.of(oldSecret, newSecret), Clock.systemUTC()),
                        handler),
                partner(ROTATED, new StandardWebhooksVerifier(List.of(newSecret), Clock.systemUTC()), handler));
    }

    @Override
    public Collection<? extends Partner> partners() {
        return partners;
    }

    private static TestPartner partner(String id, StandardWebhooksVerifier verifier, ScriptedEvents handler) {
        GuardSettings guard = new GuardSettings(Optional.empty(), GuardSettings.Retry.NONE,
                new GuardSettings.Breaker(false, 0.5, 20, Duration.ofSeconds(5), 1), new GuardSettings.Bulkhead(8, 8),
                0);
        return new TestPartner(id, new ProviderGuard(guard), new PartnerWebhooks(verifier, handler));
    }

    private record TestPartner(String id, ProviderGuard guard, PartnerWebhooks hooks) implements Partner {

        @Override
        public PartnerKind kind() {
            return PartnerKind.REVIEW;
        }

        @Override
        public String adapterType() {
            return "inbox-test";
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Optional<PartnerWebhooks> webhooks() {
            return Optional.of(hooks);
        }
    }
}
