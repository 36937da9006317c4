package dev.warden.moderation;

import java.util.Locale;

/**
 * Where a stored moderation is in its lifecycle. A request is received in memory; a sync one is stored completed, an
 * async one pending until its job completes it, or fails it with the reason.
 */
public enum ModerationStatus {
    PENDING,
    COMPLETED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModerationStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** No work is left: the moderation will not change any more. */
    public boolean isFinal() {
        return this != PENDING;
    }
}
