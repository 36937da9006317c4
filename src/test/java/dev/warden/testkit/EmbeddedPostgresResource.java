package dev.warden.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.warden.embedded.EmbeddedDatabase;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: the same embedded server Warden runs on by default, in a fresh
 * directory, shared by every test of the JVM. Tests favour speed here, so fsync is off.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    static synchronized EmbeddedDatabase database() {
        if (database == null) {
            try {
                Path directory = Files.createTempDirectory("warden-test-pg");
                database = EmbeddedDatabase.start(directory.resolve("data"), 0, false,
                        directory.resolve("pg-password"));
                Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-postgres-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }

    @Override
    public Map<String, String> start() {
        return database().wardenSettings();
    }

    @Override
    public void stop() {
        // Shared across test classes and application restarts; stopped with the JVM.
    }
}
