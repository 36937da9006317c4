package dev.warden.providers;

import java.util.Optional;
import java.util.Set;

import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.Modality;
import dev.warden.spi.PartnerWebhooks;

/**
 * A configured classifier instance: its id, its adapter type, whether it is on, its guard, its adapter, and the
 * calibration of its scores; and, for an adapter whose vendor answers by callback, how those callbacks are verified
 * and applied.
 */
public record Provider(String id, String adapterType, boolean enabled, ProviderGuard guard, ClassifierAdapter adapter,
        Optional<PartnerWebhooks> webhooks, ScoreCalibration calibration) implements Partner {

    /** A provider whose vendor never calls back, its scores taken as they come. */
    public Provider(String id, String adapterType, boolean enabled, ProviderGuard guard, ClassifierAdapter adapter) {
        this(id, adapterType, enabled, guard, adapter, Optional.empty(), ScoreCalibration.NONE);
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
