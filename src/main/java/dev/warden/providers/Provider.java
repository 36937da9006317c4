package dev.warden.providers;

import java.util.Set;

import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.Modality;

/** A configured classifier instance: its id, its adapter type, whether it is on, its guard, and its adapter. */
public record Provider(String id, String adapterType, boolean enabled, ProviderGuard guard,
        ClassifierAdapter adapter) implements Partner {

    @Override
    public PartnerKind kind() {
        return PartnerKind.CLASSIFIER;
    }

    @Override
    public Set<Modality> modalities() {
        return adapter.capabilities().modalities();
    }
}
