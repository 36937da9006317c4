package dev.warden.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Tells, before Quarkus starts, whether the user configured {@code warden.database.url}: as a system property, as
 * the environment variable {@code WARDEN_DATABASE_URL}, or in {@code config/application.properties} or {@code .env}
 * of the working directory (the places Quarkus reads user configuration from at run time).
 */
final class DatabaseUrlSetting {

    static final String PROPERTY = "warden.database.url";
    static final String ENVIRONMENT = "WARDEN_DATABASE_URL";

    static boolean isConfigured(Map<String, String> environment, Path workingDirectory) {
        return isSet(System.getProperty(PROPERTY)) || isSet(environment.get(ENVIRONMENT))
                || isSet(fileValue(workingDirectory.resolve("config/application.properties"), PROPERTY))
                || isSet(fileValue(workingDirectory.resolve(".env"), ENVIRONMENT));
    }

    private static String fileValue(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties.getProperty(key);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private DatabaseUrlSetting() {
    }
}
