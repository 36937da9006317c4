package dev.warden.embedded;

import java.nio.file.Path;
import java.time.Duration;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. With no database URL configured, starts the embedded PostgreSQL (data under
 * {@code <warden.home>/pg}, its password in {@code <warden.home>/pg-password}) before Quarkus, and points Warden at
 * it; with one configured, never starts it; with neither a URL nor the embedded one allowed
 * ({@code warden.embedded.enabled=false}, as in the container image), stops with one line naming both keys.
 */
@QuarkusMain
public final class WardenMain {

    /** How long the database waits for Quarkus to stop: past any drain an operator sets, short of a hang. */
    private static final Duration QUARKUS_STOP_BOUND = Duration.ofSeconds(60);

    public static void main(String... args) {
        // The AppCDS training run (quarkus.appcds.generate) stops before anything connects: it needs no database.
        if (!ApplicationLifecycleManager.isAppCDSGeneration()) {
            DatabaseChoice choice;
            try {
                choice = DatabaseChoice.decide(System.getenv(), Path.of(""));
            } catch (IllegalStateException misconfigured) {
                System.err.println(misconfigured.getMessage());
                System.exit(1);
                return;
            }
            if (choice == DatabaseChoice.EMBEDDED) {
                startEmbeddedDatabase();
            }
        }
        Quarkus.run(args);
    }

    private static void startEmbeddedDatabase() {
        Path home = Path.of(System.getProperty("warden.home", ".warden"));
        // The application reads warden.home too (for the development key); one value for both.
        System.setProperty("warden.home", home.toString());
        Path dataDirectory = home.resolve("pg").toAbsolutePath();
        int port = Integer.getInteger("warden.embedded.port", 0);
        System.out.printf("No database URL configured (warden.database.url): starting the embedded PostgreSQL,"
                + " data in %s%n", dataDirectory);
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, port, true,
                home.resolve("pg-password").toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAfterQuarkus(database),
                "embedded-postgres-shutdown"));
        database.wardenSettings().forEach(System::setProperty);
        System.setProperty(EmbeddedDatabase.ACTIVE_PROPERTY, "true");
        System.out.printf("Embedded PostgreSQL listening on localhost:%d%n", database.port());
    }

    /**
     * The JVM runs every shutdown hook at once, Quarkus' too: stopping PostgreSQL at once would fail the requests
     * Quarkus is still draining ({@code quarkus.shutdown.timeout}) and the outbox leases it releases. So the database
     * stops after the application has.
     */
    private static void closeAfterQuarkus(EmbeddedDatabase database) {
        Application application = Application.currentApplication();
        if (application != null) {
            Thread stopped = new Thread(application::awaitShutdown, "await-quarkus-stop");
            stopped.setDaemon(true);
            stopped.start();
            try {
                stopped.join(QUARKUS_STOP_BOUND.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        database.close();
    }
}
