package dev.warden.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from a Maven artifact (zonky), for when no database URL is configured. Its data
 * directory is kept across restarts and it runs with durable settings: fsync, synchronous commit and full-page
 * writes on, unlike the speed-first settings of test fixtures, because a user's data must survive a crash too. It
 * takes no login without its password (see {@link PasswordAuthentication}), and it starts after a crash of the JVM
 * that ran it before (see {@link OrphanedPostmaster}), even one killed while it created the cluster (see
 * {@link UnfinishedCluster}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** Set by {@link WardenMain} so the application knows it runs on the embedded default. */
    public static final String ACTIVE_PROPERTY = "warden.embedded.active";
    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts PostgreSQL on the data directory, creating the cluster on the first start. Its password is kept in
     * {@code passwordFile}, which is created with it.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable, Path passwordFile) {
        try {
            Files.createDirectories(dataDirectory);
            UnfinishedCluster.setAsideIfAny(dataDirectory);
            OrphanedPostmaster.stopIfAny(dataDirectory);
            PasswordAuthentication authentication = PasswordAuthentication.of(dataDirectory, passwordFile);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Whoever starts it stops it: a hook of the library's own would stop PostgreSQL alongside Quarkus'
                    // graceful shutdown, failing the requests still draining (WardenMain stops it after Quarkus).
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            String on = durable ? "on" : "off";
            builder.setServerConfig("fsync", on)
                    .setServerConfig("synchronous_commit", on)
                    .setServerConfig("full_page_writes", on);
            authentication.configure(builder);
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), authentication.password());
            try {
                authentication.enforce(database.postgres);
            } catch (IOException | SQLException | RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** In the form {@code warden.database.url} takes: {@code postgresql://host:port/database}. */
    public String url() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** The configuration that points Warden at this database. */
    public Map<String, String> wardenSettings() {
        return Map.of(DatabaseChoice.URL, url(), "warden.database.username", USER,
                "warden.database.password", password);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
