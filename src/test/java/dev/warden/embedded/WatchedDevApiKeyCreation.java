package dev.warden.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Permission;
import java.util.Set;

/**
 * Creates the development key under the home directory given as argument, watched: a security manager refuses every
 * write to the key file while the file exists and others may read it, which is the moment in which a key written
 * first and restricted afterwards is readable by everyone. A security manager is for a whole JVM, hence a JVM of its
 * own ({@link ChildJvm}). Exits with {@value #CREATION_FAILED} when the key could not be written.
 */
final class WatchedDevApiKeyCreation {

    static final int CREATION_FAILED = 42;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @SuppressWarnings("removal")
    public static void main(String... arguments) {
        Path home = Path.of(arguments[0]);
        Path key = home.resolve(DevApiKey.FILE_NAME).toAbsolutePath();
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission permission) {
                // everything is allowed; only writes to the key file are watched
            }

            @Override
            public void checkWrite(String file) {
                Path written = Path.of(file).toAbsolutePath();
                try {
                    if (written.equals(key) && Files.exists(written)
                            && !Files.getPosixFilePermissions(written).equals(OWNER_ONLY)) {
                        throw new SecurityException(key + " is written to while its permissions are "
                                + PosixFilePermissions.toString(Files.getPosixFilePermissions(written)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        try {
            new DevApiKey(true, home).hashIfEmbedded();
        } catch (UncheckedIOException cannotWrite) {
            System.exit(CREATION_FAILED);
        }
    }

    private WatchedDevApiKeyCreation() {
    }
}
