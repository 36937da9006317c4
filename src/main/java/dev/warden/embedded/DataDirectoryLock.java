package dev.warden.embedded;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * zonky's lock file in a data directory ({@value #FILE_NAME}): the JVM that runs PostgreSQL there holds it for as long
 * as it runs it. Holding it ourselves proves that no live Warden uses the directory.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "epg-lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or nothing when another process (or this JVM) holds it. */
    static Optional<DataDirectoryLock> tryTake(Path dataDirectory) throws IOException {
        FileChannel channel = FileChannel.open(dataDirectory.resolve(FILE_NAME), CREATE, WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new DataDirectoryLock(channel, lock));
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            lock.release();
        }
    }
}
