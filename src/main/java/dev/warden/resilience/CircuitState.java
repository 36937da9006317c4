package dev.warden.resilience;

import java.util.Locale;

/** A provider's circuit as operators see it; {@code FORCED_OPEN} is an operator's decision, not the breaker's. */
public enum CircuitState {
    CLOSED,
    OPEN,
    HALF_OPEN,
    FORCED_OPEN,
    /** The provider has no breaker (e.g. an in-process adapter). */
    DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
