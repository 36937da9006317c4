package dev.warden.moderation;

import java.util.Locale;

/** What Warden advises the caller to do, from least to most severe. */
public enum Decision {
    ALLOW,
    REVIEW,
    BLOCK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decision fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public Decision atLeast(Decision other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
