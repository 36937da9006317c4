package dev.warden.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.warden.api.auth.ApiKeys;

/** The development key: made once on the embedded default, never readable by other users, reused afterwards. */
class DevApiKeyTest {

    @Test
    void theKeyFileIsOwnerOnlyFromItsFirstByteOn(@TempDir Path directory) throws Exception {
        Path home = directory.resolve("home");
        try (ChildJvm creation = ChildJvm.startMain(directory, WatchedDevApiKeyCreation.class, home.toString())) {
            assertThat(creation.awaitExit()).as(creation.output()).isZero();
        }

        assertThat(Files.getPosixFilePermissions(home.resolve(DevApiKey.FILE_NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aKeyThatCannotBeWrittenWholeLeavesNoFileBehind(@TempDir Path directory) throws Exception {
        Path home = directory.resolve("home");
        // No file may grow past 0 bytes: writing the key fails once the file exists.
        try (ChildJvm creation = ChildJvm.startMain(directory, List.of("prlimit", "--fsize=0"),
                WatchedDevApiKeyCreation.class, home.toString())) {
            assertThat(creation.awaitExit()).isEqualTo(WatchedDevApiKeyCreation.CREATION_FAILED);
        }
        assertThat(home.resolve(DevApiKey.FILE_NAME)).doesNotExist();

        assertThat(new DevApiKey(true, home).hashIfEmbedded()).as("the next start makes a whole key").isPresent();
    }

    @Test
    void theKeyIsMadeOnceAndReused(@TempDir Path home) throws Exception {
        Optional<String> made = new DevApiKey(true, home).hashIfEmbedded();
        String stored = Files.readString(home.resolve(DevApiKey.FILE_NAME)).trim();

        assertThat(stored).matches("wdn_dev_[A-Za-z0-9_-]{43}");
        assertThat(made).contains(ApiKeys.sha256Hex(stored));
        assertThat(new DevApiKey(true, home).hashIfEmbedded()).isEqualTo(made);
    }

    @Test
    void thereIsNoKeyOffTheEmbeddedDefault(@TempDir Path home) {
        assertThat(new DevApiKey(false, home).hashIfEmbedded()).isEmpty();
        assertThat(home.resolve(DevApiKey.FILE_NAME)).doesNotExist();
    }
}
