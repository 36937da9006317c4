package dev.warden.webhooks;

import dev.warden.providers.Partner;
import dev.warden.providers.PartnerKind;
import dev.warden.resilience.ProviderGuard;

/**
 * The receiver of one client's callbacks, as a partner with a guard of its own: its bulkhead bounds the deliveries
 * to it at once, its breaker stops calling a receiver that keeps failing. Its id is the outbox destination of its
 * callbacks, {@code callback:<client>}.
 */
public record CallbackReceiver(String id, String client, ProviderGuard guard) implements Partner {

    static final String ID_PREFIX = "callback:";
    static final String FORMAT = "standard-webhooks";

    static CallbackReceiver of(String client, ProviderGuard guard) {
        return new CallbackReceiver(ID_PREFIX + client, client, guard);
    }

    @Override
    public PartnerKind kind() {
        return PartnerKind.CALLBACK;
    }

    @Override
    public String adapterType() {
        return FORMAT;
    }

    @Override
    public boolean enabled() {
        return true;
    }
}
