package dev.warden.providers;

import dev.warden.spi.ClassifierAdapter;
import java.time.Duration;
import java.util.Optional;

/** A configured classifier instance: its id, its adapter type, whether it is on, and the adapter that serves it. */
public record Provider(String id, String adapterType, boolean enabled, Optional<Duration> timeout,
        ClassifierAdapter adapter) {
}
