package dev.warden.providers;

import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.ClassifierAdapter;

/** A configured classifier instance: its id, its adapter type, whether it is on, its guard, and its adapter. */
public record Provider(String id, String adapterType, boolean enabled, ProviderGuard guard,
        ClassifierAdapter adapter) {
}
