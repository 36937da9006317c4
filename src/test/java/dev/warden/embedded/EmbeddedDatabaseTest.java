package dev.warden.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default keeps a user's data safe: durable settings really are in effect, data survives a stop, and no
 * one logs in without the password Warden generated.
 */
class EmbeddedDatabaseTest {

    @Test
    void runsWithDurableSettingsAndKeepsDataAcrossRestarts(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        Path password = directory.resolve("pg-password");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, true, password);
                Connection connection = DatabaseProbe.connect(database)) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
            DatabaseProbe.keep(connection, "still here");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, true, password);
                Connection connection = DatabaseProbe.connect(database)) {
            assertThat(DatabaseProbe.kept(connection)).containsExactly("still here");
        }
    }

    @Test
    void aClusterWhoseCreationWasKilledIsSetAsideAndCreatedAgain(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        // What initdb leaves when it is killed half-way: directories and files, but no global/pg_control.
        Files.createDirectories(data.resolve("global"));
        Files.createDirectories(data.resolve("base/1"));
        Files.writeString(data.resolve("PG_VERSION"), "14\n");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, false, directory.resolve("pg-password"));
                Connection connection = DatabaseProbe.connect(database)) {
            DatabaseProbe.keep(connection, "created again");
            assertThat(DatabaseProbe.kept(connection)).containsExactly("created again");
        }
        try (Stream<Path> siblings = Files.list(directory)) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    .as("the unfinished directory is kept aside, never deleted").anyMatch(name -> name.startsWith(
                            "pg.incomplete-"));
        }
    }

    @Test
    void takesNoLoginWithoutTheGeneratedPassword(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        Path passwordFile = directory.resolve("pg-password");
        String password;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, false, passwordFile)) {
            password = database.password();
            assertThat(Files.readString(passwordFile).trim()).isEqualTo(password);
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertOnlyThePasswordLogsIn(database);
        }

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(data, 0, false, passwordFile)) {
            assertThat(restarted.password()).as("the password file is reused").isEqualTo(password);
            assertOnlyThePasswordLogsIn(restarted);
        }
    }

    @Test
    void aClusterOfAnEarlierWardenThatTrustedLocalLoginsGetsThePassword(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        // What Warden did before it had a password: zonky's defaults, initdb -A trust.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).start();
                Connection connection = earlier.getPostgresDatabase().getConnection()) {
            DatabaseProbe.keep(connection, "still here");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, false, directory.resolve("pg-password"));
                Connection connection = DatabaseProbe.connect(database)) {
            assertOnlyThePasswordLogsIn(database);
            assertThat(DatabaseProbe.kept(connection)).containsExactly("still here");
        }
    }

    @Test
    void aClusterWhosePasswordFileIsLostDoesNotStartAndGetsNoNewPassword(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        Path passwordFile = directory.resolve("pg-password");
        EmbeddedDatabase.start(data, 0, false, passwordFile).close();
        Files.delete(passwordFile);

        assertThatThrownBy(() -> EmbeddedDatabase.start(data, 0, false, passwordFile))
                .hasMessageContaining("needs its password").hasMessageContaining(passwordFile.toString());
        assertThat(passwordFile).doesNotExist();
    }

    private static void assertOnlyThePasswordLogsIn(EmbeddedDatabase database) throws Exception {
        assertThatThrownBy(() -> DatabaseProbe.connect(database, null).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("no password was provided");
        assertThatThrownBy(() -> DatabaseProbe.connect(database, "postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (Connection connection = DatabaseProbe.connect(database)) {
            assertThat(DatabaseProbe.column(connection, "select type || ' ' || auth_method from pg_hba_file_rules"))
                    .as("local (socket) and host rules alike").contains("local scram-sha-256")
                    .allMatch(rule -> rule.endsWith(" scram-sha-256"));
            assertThat(setting(connection, "password_encryption")).isEqualTo("scram-sha-256");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        return DatabaseProbe.column(connection, "show " + name).get(0);
    }
}
