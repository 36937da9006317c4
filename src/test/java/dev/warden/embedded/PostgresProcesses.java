package dev.warden.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The PostgreSQL processes of a data directory, as {@code ps} would show them. */
final class PostgresProcesses {

    /** Every running postgres process started with {@code -D dataDirectory}. */
    static List<ProcessHandle> on(Path dataDirectory) {
        String option = " -D " + dataDirectory.toAbsolutePath() + " ";
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .filter(command -> command.contains("postgres") && command.contains(option)).isPresent())
                .collect(Collectors.toList());
    }

    /** The postmaster that postmaster.pid names. */
    static ProcessHandle postmaster(Path dataDirectory) {
        long pid = Long.parseLong(pidFileLine(dataDirectory, 0));
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    }

    /** The port the postmaster listens on, as postmaster.pid says. */
    static int port(Path dataDirectory) {
        return Integer.parseInt(pidFileLine(dataDirectory, 3));
    }

    private static String pidFileLine(Path dataDirectory, int index) {
        try {
            return Files.readAllLines(dataDirectory.resolve(OrphanedPostmaster.PID_FILE)).get(index).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PostgresProcesses() {
    }
}
