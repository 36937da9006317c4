package dev.warden.moderation;

import java.util.Locale;

/** {@code sync}: answered with the decision. {@code async}: answered {@code 202} once stored, decided by a job. */
public enum ModerationMode {
    SYNC,
    ASYNC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
