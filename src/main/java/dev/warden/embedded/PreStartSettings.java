package dev.warden.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings Warden needs before Quarkus starts, read from the places Quarkus reads user configuration from at run
 * time: a system property, the environment variable (the key upper-cased, {@code .} and {@code -} as {@code _}), and
 * {@code config/application.properties} or {@code .env} of the working directory.
 */
final class PreStartSettings {

    private final Map<String, String> environment;
    private final Path workingDirectory;

    PreStartSettings(Map<String, String> environment, Path workingDirectory) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    /** The setting's value, or empty when no place sets it to something other than blanks. */
    Optional<String> value(String property) {
        String variable = environmentName(property);
        return firstSet(System.getProperty(property), environment.get(variable),
                fileValue(workingDirectory.resolve("config/application.properties"), property),
                fileValue(workingDirectory.resolve(".env"), variable));
    }

    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Optional<String> firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
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
}
