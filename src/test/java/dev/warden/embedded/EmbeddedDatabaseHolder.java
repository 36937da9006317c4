package dev.warden.embedded;

import java.nio.file.Path;

/**
 * Runs the embedded PostgreSQL in a JVM of its own, as Warden runs it, until that JVM ends: arguments are the data
 * directory and the password file. It says {@value #READY} once the database takes connections.
 */
final class EmbeddedDatabaseHolder {

    static final String READY = "embedded database ready";

    public static void main(String... arguments) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(arguments[0]), 0, true, Path.of(arguments[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        System.out.println(READY);
        Thread.currentThread().join();
    }

    private EmbeddedDatabaseHolder() {
    }
}
