package dev.warden.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start after a crash stops the PostgreSQL server that the crashed JVM left running on the data directory, and
 * nothing else: not a live process that a stale postmaster.pid names by accident, not another data directory's
 * server, not the database of a Warden that still runs.
 */
class OrphanedPostmasterTest {

    /** What Java reports for a process ended by SIGTERM: 128 + 15. SIGINT would give 130, SIGQUIT 131. */
    private static final int ENDED_BY_SIGTERM = 143;

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAndTheNextStartHasItsData(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        Path passwordFile = directory.resolve("pg-password");
        ProcessHandle orphan;
        try (ChildJvm crashing = ChildJvm.startMain(directory, EmbeddedDatabaseHolder.class, data.toString(),
                passwordFile.toString())) {
            crashing.awaitOutput(EmbeddedDatabaseHolder.READY);
            try (Connection connection = DatabaseProbe.connect(PostgresProcesses.port(data),
                    Files.readString(passwordFile).trim())) {
                DatabaseProbe.keep(connection, "committed before the crash");
            }
            orphan = PostgresProcesses.postmaster(data);

            crashing.kill();
        }
        assertThat(orphan.isAlive()).as("PostgreSQL outlives a JVM killed with SIGKILL").isTrue();

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(data, 0, true, passwordFile);
                Connection connection = DatabaseProbe.connect(restarted)) {
            // Not orphan.isAlive(): a stopped orphan stays a zombie until init reaps it.
            await().atMost(ChildJvm.PATIENCE).until(() -> !PostgresProcesses.on(data).contains(orphan));
            assertThat(DatabaseProbe.kept(connection)).containsExactly("committed before the crash");
        }
    }

    @Test
    void theDatabaseOfAWardenThatStillRunsIsNotStopped(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        Path passwordFile = directory.resolve("pg-password");
        try (ChildJvm running = ChildJvm.startMain(directory, EmbeddedDatabaseHolder.class, data.toString(),
                passwordFile.toString())) {
            running.awaitOutput(EmbeddedDatabaseHolder.READY);
            ProcessHandle postmaster = PostgresProcesses.postmaster(data);

            assertThatThrownBy(() -> EmbeddedDatabase.start(data, 0, true, passwordFile))
                    .hasMessageContaining("another running Warden uses " + data);

            assertThat(postmaster.isAlive()).isTrue();
            try (Connection connection = DatabaseProbe.connect(PostgresProcesses.port(data),
                    Files.readString(passwordFile).trim())) {
                assertThat(DatabaseProbe.column(connection, "select 1")).containsExactly("1");
            }
        }
        await().atMost(ChildJvm.PATIENCE).until(() -> PostgresProcesses.on(data).isEmpty());
    }

    @Test
    void aLiveProcessThatPostmasterPidNamesIsNeverSignalledUnlessItIsOurServer(@TempDir Path directory)
            throws Exception {
        Path data = Files.createDirectories(directory.resolve("pg"));
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            writePidFile(data, unrelated.pid());

            assertThatThrownBy(() -> OrphanedPostmaster.stopIfAny(data))
                    .hasMessageContaining("process " + unrelated.pid())
                    .hasMessageContaining("is not a PostgreSQL server on " + data);

            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroy();
        }
        assertThat(unrelated.waitFor()).as("ended by the test's SIGTERM, not by a shutdown signal")
                .isEqualTo(ENDED_BY_SIGTERM);
    }

    @Test
    void theServerOfAnotherDataDirectoryIsNeverSignalled(@TempDir Path directory) throws Exception {
        Path otherData = directory.resolve("other-pg");
        try (EmbeddedDatabase other = EmbeddedDatabase.start(otherData, 0, false, directory.resolve("other-password"))) {
            Path data = Files.createDirectories(directory.resolve("pg"));
            writePidFile(data, PostgresProcesses.postmaster(otherData).pid());

            assertThatThrownBy(() -> OrphanedPostmaster.stopIfAny(data))
                    .hasMessageContaining("is not a PostgreSQL server on " + data);

            try (Connection connection = DatabaseProbe.connect(other)) {
                assertThat(DatabaseProbe.column(connection, "select 1")).containsExactly("1");
            }
        }
    }

    @Test
    void aPidFileWhoseProcessIsGoneIsLeftToPostgreSql(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pg");
        Path passwordFile = directory.resolve("pg-password");
        List<String> pidFileOfACrash;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, true, passwordFile);
                Connection connection = DatabaseProbe.connect(database)) {
            DatabaseProbe.keep(connection, "committed before the crash");
            pidFileOfACrash = Files.readAllLines(data.resolve(OrphanedPostmaster.PID_FILE));
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        pidFileOfACrash.set(0, Long.toString(gone.pid()));
        Files.write(data.resolve(OrphanedPostmaster.PID_FILE), pidFileOfACrash);

        OrphanedPostmaster.stopIfAny(data);

        assertThat(Files.readAllLines(data.resolve(OrphanedPostmaster.PID_FILE))).isEqualTo(pidFileOfACrash);
        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(data, 0, true, passwordFile);
                Connection connection = DatabaseProbe.connect(restarted)) {
            assertThat(DatabaseProbe.kept(connection)).containsExactly("committed before the crash");
        }
    }

    /** The first two lines of postmaster.pid: the pid and the data directory. */
    private static void writePidFile(Path data, long pid) throws Exception {
        Files.write(data.resolve(OrphanedPostmaster.PID_FILE), List.of(Long.toString(pid), data.toString()));
    }
}
