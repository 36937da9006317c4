package dev.warden.api.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a client key may do. */
public enum Scope {
    MODERATE,
    REPORT,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName().equals(name)).findFirst();
    }
}
