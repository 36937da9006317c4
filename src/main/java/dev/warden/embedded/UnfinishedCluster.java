package dev.warden.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A data directory whose initdb never finished: Warden (and initdb with it) was killed during its very first start.
 * PostgreSQL cannot start on it (it has no {@code global/pg_control}) and initdb refuses a directory that is not
 * empty, so every later start would fail. Such a directory can hold no committed data; it is moved aside, never
 * deleted, and the cluster is created afresh.
 */
final class UnfinishedCluster {

    private static final String CONTROL_FILE = "global/pg_control";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(UnfinishedCluster.class);

    static void setAsideIfAny(Path dataDirectory) throws IOException {
        if (Files.exists(dataDirectory.resolve(CONTROL_FILE)) || holdsOnlyTheLockFile(dataDirectory)) {
            return;
        }
        Path aside = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".incomplete-"
                + STAMP.format(Instant.now()));
        Optional<DataDirectoryLock> lock = DataDirectoryLock.tryTake(dataDirectory);
        if (lock.isEmpty()) {
            // Another Warden is creating this cluster right now: leave it to that one.
            return;
        }
        try (DataDirectoryLock held = lock.get()) {
            LOG.warnf("%s holds a cluster whose creation never finished (no %s): moving it to %s and creating the"
                    + " cluster again", dataDirectory, CONTROL_FILE, aside);
            Files.move(dataDirectory, aside);
        }
        Files.createDirectories(dataDirectory);
    }

    private static boolean holdsOnlyTheLockFile(Path dataDirectory) throws IOException {
        try (Stream<Path> entries = Files.list(dataDirectory)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(DataDirectoryLock.FILE_NAME));
        }
    }

    private UnfinishedCluster() {
    }
}
