package dev.warden.embedded;

import java.nio.file.Path;

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
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-shutdown"));
        database.wardenSettings().forEach(System::setProperty);
        System.setProperty(EmbeddedDatabase.ACTIVE_PROPERTY, "true");
        System.out.printf("Embedded PostgreSQL listening on localhost:%d%n", database.port());
    }
}
