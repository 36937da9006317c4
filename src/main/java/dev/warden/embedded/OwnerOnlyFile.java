package dev.warden.embedded;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Files that only their owner may read, such as the secrets Warden keeps under {@code warden.home}. The permissions
 * are given when the file is created, so no other user can read it at any moment, not even between its creation and
 * a later change of permissions.
 */
final class OwnerOnlyFile {

    /** A secret read from its file, and whether this start created it. */
    record Secret(String value, boolean created) {
    }

    private static final FileAttribute<?> OWNER_READ_WRITE = PosixFilePermissions
            .asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The secret kept in {@code file}, or, when there is none yet, a new random one (with the prefix) kept there. */
    static Secret readOrCreateSecret(Path file, String prefix) throws IOException {
        if (Files.exists(file)) {
            return new Secret(read(file), false);
        }
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        String secret = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            create(file, secret + "\n");
            return new Secret(secret, true);
        } catch (FileAlreadyExistsException concurrentStart) {
            return new Secret(read(file), false);
        }
    }

    /**
     * Creates {@code file} (it must not exist) with owner-only permissions and the content, on disk before this
     * returns: a database initialized with a password must not outlive the password after a power loss. A file that
     * could not be written whole is removed, so that no later start takes a truncated secret for the real one.
     */
    static void create(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(file, Set.of(CREATE_NEW, WRITE), permissions(file))) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (FileAlreadyExistsException someoneElses) {
            throw someoneElses;
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    /** Owner-only on POSIX file systems; elsewhere (Windows) the directory's access rules apply. */
    private static FileAttribute<?>[] permissions(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] { OWNER_READ_WRITE }
                : new FileAttribute<?>[0];
    }

    private OwnerOnlyFile() {
    }
}
