package dev.warden.providers;

import java.util.Optional;
import java.util.Set;

import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.Modality;
import dev.warden.spi.PartnerWebhooks;

/**
 * A configured classifier instance: its id, its adapter type, whether it is on, its guard, and its adapter; and, for
 * an adapter whose vendor answers by callback, how those callbacks are verified and applied.
 */
public record Provider(String id, String adapterType, boolean enabled, ProviderGuard guard, ClassifierAdapter adapter,
        Optional<PartnerWebhooks> webhooks) implements Partner {

    /** A provider whose vendor never calls back. */
    public Provider(String id, String adapterType, boolean enabled, ProviderGuard guard, ClassifierAdapter adapter) {
        this(id, adapterType, enabled, guard, adapter, Optional.empty());
    }

    @Override
    public PartnerKind kind() {
        return PartnerKind.CLASSIFIER;
    }

    @Override
    public Set<Modality> modalities() {
        return adapter.capabilities().modalities();
    }
}
