package dev.warden.moderation;

import java.util.Locale;

/** How one provider's part of a request ended. */
public enum Outcome {
    OK,
    ERROR,
    TIMEOUT,
    RATE_LIMITED,
    CIRCUIT_OPEN,
    /** Not called: disabled, or it supports none of the content's modalities. */
    SKIPPED,
    /**
     * Not answered yet: an async moderation's provider whose result has not arrived. Stored only for a vendor that
     * accepted a job and answers by callback (until its answer or its deadline replaces it).
     */
    PENDING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A called provider that gave no result makes the answer degraded. */
    public boolean isFailure() {
        return this != OK && this != SKIPPED && this != PENDING;
    }
}
