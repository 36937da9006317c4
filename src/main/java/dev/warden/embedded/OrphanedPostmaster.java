package dev.warden.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * A PostgreSQL server that outlived the Warden that started it. A Warden killed with SIGKILL (as the kernel's OOM
 * killer does) runs no shutdown hook, and pg_ctl starts the postmaster in a session of its own, so the postmaster goes
 * on running on the data directory and the next start fails on its {@code postmaster.pid}. Before the embedded
 * PostgreSQL starts, {@link #stopIfAny} stops such a postmaster, and nothing else:
 * <ul>
 * <li>While another live JVM runs PostgreSQL on the data directory (it holds zonky's lock file), start-up fails: that
 * database is not ours to stop.</li>
 * <li>A {@code postmaster.pid} whose process is gone is left to PostgreSQL, which replaces a stale one itself.</li>
 * <li>A live process is stopped only if it is a {@code postgres} server whose {@code -D} is this data directory. A pid
 * reused by another program is never signalled; start-up fails and says so.</li>
 * </ul>
 */
final class OrphanedPostmaster {

    static final String PID_FILE = "postmaster.pid";
    /** Fast shutdown ends the sessions and writes a checkpoint: time for a slow, busy disk. */
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    /** Immediate shutdown writes nothing (the next start recovers from the WAL), so it ends quickly or never. */
    private static final Duration IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(15);
    private static final Duration EXIT_POLL = Duration.ofMillis(100);
    private static final List<String> POSTGRES_EXECUTABLES = List.of("postgres", "postgres.exe");
    private static final Logger LOG = Logger.getLogger(OrphanedPostmaster.class);

    static void stopIfAny(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (DataDirectoryLock lock = lockOrFail(dataDirectory)) {
            Optional<ProcessHandle> process = pid(pidFile).flatMap(ProcessHandle::of);
            if (process.isEmpty()) {
                LOG.infof("%s names no running process: PostgreSQL replaces it when it starts", pidFile);
                return;
            }
            if (!isPostgresOn(process.get(), dataDirectory)) {
                throw new IllegalStateException(String.format("cannot start the embedded PostgreSQL: %s names process"
                        + " %d (%s), which is not a PostgreSQL server on %s. Warden does not stop it. If no PostgreSQL"
                        + " server runs on %s, delete %s and start again.", pidFile, process.get().pid(),
                        process.get().info().commandLine().orElse("command unknown"), dataDirectory, dataDirectory,
                        pidFile));
            }
            stop(process.get(), pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + dataDirectory + " for a PostgreSQL server left running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the PostgreSQL server on " + dataDirectory, e);
        }
    }

    private static DataDirectoryLock lockOrFail(Path dataDirectory) throws IOException {
        return DataDirectoryLock.tryTake(dataDirectory).orElseThrow(() -> new IllegalStateException(String.format(
                "cannot start the embedded PostgreSQL: another running Warden uses %s (it holds %s). Stop that"
                        + " Warden first, or give this one its own warden.home.", dataDirectory,
                dataDirectory.resolve(DataDirectoryLock.FILE_NAME))));
    }

    /** The first line of postmaster.pid; nothing when the file is unreadable or garbled (PostgreSQL judges it). */
    private static Optional<Long> pid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process is a postgres server on this data directory: its executable is {@code postgres} and its
     * {@code -D} is an absolute path to the same directory. When its command line cannot be read, it is not.
     */
    private static boolean isPostgresOn(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        Optional<String> executable = info.command().map(command -> Path.of(command).getFileName().toString());
        List<String> arguments = info.arguments().map(List::of).orElse(List.of());
        int option = arguments.indexOf("-D");
        if (executable.filter(POSTGRES_EXECUTABLES::contains).isEmpty() || option < 0
                || option + 1 >= arguments.size()) {
            return false;
        }
        // A relative -D is relative to a working directory we cannot see.
        Path directory = Path.of(arguments.get(option + 1));
        try {
            return directory.isAbsolute() && Files.isSameFile(directory, dataDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(ProcessHandle postmaster, Path pidFile) throws IOException, InterruptedException {
        LOG.warnf("A PostgreSQL server (pid %d) is still running on %s after Warden ended without stopping it:"
                + " stopping it (fast shutdown)", postmaster.pid(), pidFile.getParent());
        signal(postmaster, "INT");
        if (awaitExit(postmaster, pidFile, FAST_SHUTDOWN_WAIT)) {
            return;
        }
        LOG.warnf("The PostgreSQL server (pid %d) did not stop within %s: immediate shutdown; PostgreSQL recovers from"
                + " its write-ahead log when it starts", postmaster.pid(), FAST_SHUTDOWN_WAIT);
        signal(postmaster, "QUIT");
        if (!awaitExit(postmaster, pidFile, IMMEDIATE_SHUTDOWN_WAIT)) {
            throw new IllegalStateException(String.format("cannot start the embedded PostgreSQL: the server left running"
                    + " on %s (pid %d) does not stop", pidFile.getParent(), postmaster.pid()));
        }
    }

    /**
     * SIGINT and SIGQUIT are PostgreSQL's fast and immediate shutdown, and Java sends neither: ProcessHandle sends
     * SIGTERM (a smart shutdown, which waits for every session to end) or SIGKILL (which PostgreSQL must never get:
     * it leaves shared memory and children behind). kill(1) rather than pg_ctl stop, because pg_ctl refuses to run as
     * root (zonky wraps it in {@code unshare -U} for that), its binaries are zonky's private business, and it would
     * signal whatever pid postmaster.pid names, without the check above.
     */
    private static void signal(ProcessHandle postmaster, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(postmaster.pid()))
                .redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.waitFor() != 0 && postmaster.isAlive()) {
            throw new IllegalStateException("kill -" + signal + " " + postmaster.pid() + " failed: " + output.trim());
        }
    }

    /**
     * Whether the postmaster ended within the time. One that has ended has removed its postmaster.pid, and may
     * linger as a zombie where nothing reaps orphans, so either sign will do.
     */
    private static boolean awaitExit(ProcessHandle postmaster, Path pidFile, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (postmaster.isAlive() && Files.exists(pidFile)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(EXIT_POLL.toMillis());
        }
        return true;
    }

    private OrphanedPostmaster() {
    }
}
