package dev.warden.spi.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code warden.partners.<id>.environment}. {@code test} is the default: a report sent to a production environment
 * from an integration the partner has not approved can cost the platform its credentials.
 */
public enum Environment {
    TEST,
    PRODUCTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Environment> fromWireName(String text) {
        return Arrays.stream(values()).filter(env -> env.wireName().equals(text.trim())).findFirst();
    }
}
