package dev.warden.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.warden.embedded.EmbeddedDatabase;

/**
 * A PostgreSQL of its own for the outage test, which stops and restarts it on the same port and data, or stalls it
 * (SIGSTOP to the postmaster and every backend: a server that accepts connections and never answers) and resumes it.
 */
public class OutagePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDirectory;
    private static Path passwordFile;
    private static int port;
    private static EmbeddedDatabase database;
    private static final List<Long> stalled = new ArrayList<>();

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

    /** The postmaster first, so that it forks no new backend while its children are being stopped. */
    static synchronized void stall() {
        long postmaster = postmasterPid();
        stalled.add(postmaster);
        signal("-STOP", List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> stalled.add(child.pid()));
        signal("-STOP", stalled.subList(1, stalled.size()));
    }

    static synchronized void resume() {
        if (!stalled.isEmpty()) {
            signal("-CONT", stalled);
            stalled.clear();
        }
    }

    private static long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("failed: " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void stop() {
        resume();
        if (database != null) {
            down();
        }
    }
}
