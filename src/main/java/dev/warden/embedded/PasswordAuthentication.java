package dev.warden.embedded;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL takes no login without its password, local ones included. The password is random, made on
 * the first start and kept in a file only its owner can read. A new cluster is created with it and with
 * {@code scram-sha-256} for every connection (zonky alone would trust every local one). A cluster of an earlier
 * Warden, which trusted them, gets the password and Warden's {@code pg_hba.conf} when it starts.
 */
final class PasswordAuthentication {

    private static final String METHOD = "scram-sha-256";
    private static final String HBA_FILE = "pg_hba.conf";
    private static final String WARDEN_HBA = """
            # Written by Warden: every connection needs the password that Warden keeps in <warden.home>/pg-password.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            local   replication  all                 scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;
    /** pg_reload_conf() only signals the postmaster, which reloads pg_hba.conf a moment later. */
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);
    private static final Duration RELOAD_POLL = Duration.ofMillis(50);

    private final Path dataDirectory;
    private final Path passwordFile;
    private final String password;

    private PasswordAuthentication(Path dataDirectory, Path passwordFile, String password) {
        this.dataDirectory = dataDirectory;
        this.passwordFile = passwordFile;
        this.password = password;
    }

    /** The password of the cluster in the data directory: read from the file, or made for a cluster that has none. */
    static PasswordAuthentication of(Path dataDirectory, Path passwordFile) throws IOException {
        boolean initialized = Files.exists(dataDirectory.resolve(HBA_FILE));
        if (initialized && !Files.exists(passwordFile) && !trustsConnections(dataDirectory)) {
            throw new IllegalStateException(String.format("cannot start the embedded PostgreSQL: the cluster in %s"
                    + " needs its password, and %s is missing. Restore that file, or delete %s to start over with an"
                    + " empty database.", dataDirectory, passwordFile, dataDirectory));
        }
        return new PasswordAuthentication(dataDirectory, passwordFile,
                OwnerOnlyFile.readOrCreateSecret(passwordFile, "").value());
    }

    String password() {
        return password;
    }

    void configure(EmbeddedPostgres.Builder builder) {
        // zonky runs initdb with "-A trust" followed by these as --name=value: the later --auth wins.
        builder.setLocaleConfig("auth", METHOD)
                .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                .setServerConfig("password_encryption", METHOD)
                .setConnectConfig("password", password);
    }

    /** Gives a running cluster that still trusts connections the password, then Warden's pg_hba.conf. */
    void enforce(EmbeddedPostgres postgres) throws IOException, SQLException {
        if (!trustsConnections(dataDirectory)) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            // Hashed here: the password in plain text never reaches the server or its log.
            connection.unwrap(PGConnection.class).alterUserPassword(EmbeddedDatabase.USER, password.toCharArray(),
                    METHOD);
            Path replacement = dataDirectory.resolve(HBA_FILE + ".warden");
            Files.deleteIfExists(replacement);
            OwnerOnlyFile.create(replacement, WARDEN_HBA);
            Files.move(replacement, dataDirectory.resolve(HBA_FILE), ATOMIC_MOVE, REPLACE_EXISTING);
            sql.execute("select pg_reload_conf()");
        }
        awaitRefusalWithoutPassword(postgres);
    }

    private static void awaitRefusalWithoutPassword(EmbeddedPostgres postgres) throws SQLException {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try (Connection passwordless = postgres.getPostgresDatabase(Map.of()).getConnection()) {
                Thread.sleep(RELOAD_POLL.toMillis());
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new SQLException("PostgreSQL still accepts logins without a password after reloading " + HBA_FILE);
    }

    /** Whether pg_hba.conf lets any connection in without a password, as clusters of earlier Wardens do. */
    private static boolean trustsConnections(Path dataDirectory) throws IOException {
        List<String> lines = Files.readAllLines(dataDirectory.resolve(HBA_FILE), StandardCharsets.UTF_8);
        return lines.stream().map(String::strip).filter(line -> !line.startsWith("#"))
                .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
    }
}
