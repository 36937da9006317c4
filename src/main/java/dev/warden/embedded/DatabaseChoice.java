package dev.warden.embedded;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Warden's database comes from, decided before Quarkus starts: the configured {@code warden.database.url}, or
 * else the embedded PostgreSQL, unless {@code warden.embedded.enabled} is {@code false} (the container image sets
 * it: its root file system may be read-only, and a database inside a container's writable layer is lost with the
 * container).
 */
public enum DatabaseChoice {
    CONFIGURED, EMBEDDED;

    static final String URL = "warden.database.url";
    static final String EMBEDDED_ENABLED = "warden.embedded.enabled";

    /** Decides from the system properties, the given environment and the working directory's files. */
    public static DatabaseChoice decide(Map<String, String> environment, Path workingDirectory) {
        PreStartSettings settings = new PreStartSettings(environment, workingDirectory);
        if (settings.value(URL).isPresent()) {
            return CONFIGURED;
        }
        if (embeddedEnabled(settings)) {
            return EMBEDDED;
        }
        throw new IllegalStateException(String.format("No database: %s is not set and %s is false. Set %s (%s) to"
                + " your PostgreSQL, or set %s=true with a writable volume at warden.home for the embedded one.",
                URL, EMBEDDED_ENABLED, URL, PreStartSettings.environmentName(URL), EMBEDDED_ENABLED));
    }

    private static boolean embeddedEnabled(PreStartSettings settings) {
        String value = settings.value(EMBEDDED_ENABLED).orElse("true").toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalStateException(EMBEDDED_ENABLED + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
