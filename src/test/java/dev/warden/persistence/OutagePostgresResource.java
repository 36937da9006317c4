package dev.warden.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.warden.embedded.EmbeddedDatabase;

/** A PostgreSQL of its own for the outage test, which stops and restarts it on the same port and data. */
public class OutagePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static Path passwordFile;
    private static int port;
    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        try {
            Path directory = Files.createTempDirectory("warden-outage-pg");
            dataDirectory = directory.resolve("data");
            passwordFile = directory.resolve("pg-password");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        up();
        return database.wardenSettings();
    }

    static synchronized void down() {
        database.close();
        database = null;
    }

    static synchronized void up() {
        database = EmbeddedDatabase.start(dataDirectory, port, false, passwordFile);
    }

    @Override
    public synchronized void stop() {
        if (database != null) {
            down();
        }
    }
}
