package dev.warden.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.warden.client.ApiException;
import dev.warden.client.model.Action;
import dev.warden.client.model.ContentPart;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;

/**
 * The README's run command, for real: the packaged jar in an empty directory starts the embedded PostgreSQL, prints a
 * development key once, answers with a decision, and after a restart, even one after a crash, still has the result.
 * With a database URL configured it never starts the embedded one.
 */
class EmbeddedDefaultIT {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ModerationRequest THREAT = new ModerationRequest()
            .addContentItem(new ContentPart().type(ContentPart.TypeEnum.TEXT).text("I will hurt you, you idiot"));

    @Test
    void aFreshDirectoryGetsADecisionThatSurvivesARestart(@TempDir Path directory) throws Exception {
        ModerationResult answered;
        String key;
        try (PackagedWarden warden = PackagedWarden.start(directory)) {
            Path keyFile = directory.resolve(".warden/dev-api-key");
            key = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(OWNER_ONLY);
            assertThat(Files.getPosixFilePermissions(directory.resolve(".warden/pg-password"))).isEqualTo(OWNER_ONLY);
            assertThat(warden.output()).contains("starting the embedded PostgreSQL").contains(key);
            assertThat(directory.resolve(".warden/pg/PG_VERSION")).exists();

            answered = warden.moderations(key).createModeration(THREAT, "restart-check");

            assertThat(answered.getDecision()).isEqualTo(Action.BLOCK);
            assertThat(answered.getCategories().get("threat").getProviders()).containsExactly("local-rules");
        }

        try (PackagedWarden restarted = PackagedWarden.start(directory)) {
            assertThat(restarted.output()).as("the key is printed only when it is created").doesNotContain(key);

            ModerationResult stored = restarted.moderations(key).getModeration(answered.getId());
            ModerationResult replayed = restarted.moderations(key).createModeration(THREAT, "restart-check");

            assertThat(stored).isEqualTo(answered);
            assertThat(replayed.getId()).isEqualTo(answered.getId());
        }
    }

    @Test
    void aWardenKilledWithSigkillStartsAgainAtOnceWithItsResults(@TempDir Path directory) throws Exception {
        Path data = directory.resolve(".warden/pg");
        String key;
        ModerationResult answered;
        ProcessHandle postmaster;
        try (PackagedWarden crashing = PackagedWarden.start(directory)) {
            key = Files.readString(directory.resolve(".warden/dev-api-key"), StandardCharsets.UTF_8).trim();
            answered = crashing.moderations(key).createModeration(THREAT, "crash-check");
            postmaster = PostgresProcesses.postmaster(data);

            crashing.kill();
        }
        assertThat(postmaster.isAlive()).as("PostgreSQL outlives a JVM killed with SIGKILL").isTrue();

        try (PackagedWarden restarted = PackagedWarden.start(directory)) {
            assertThat(restarted.output()).contains("stopping it (fast shutdown)");
            await().atMost(ChildJvm.PATIENCE).until(() -> !PostgresProcesses.on(data).contains(postmaster));

            ModerationResult stored = restarted.moderations(key).getModeration(answered.getId());
            ModerationResult replayed = restarted.moderations(key).createModeration(THREAT, "crash-check");

            assertThat(stored).isEqualTo(answered);
            assertThat(replayed).isEqualTo(answered);
        }
        await().atMost(ChildJvm.PATIENCE).until(() -> PostgresProcesses.on(data).isEmpty());
    }

    @Test
    void aConfiguredDatabaseIsUsedAndNoEmbeddedOneStarts(@TempDir Path directory) throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.start(directory.resolve("external-pg"), 0, false,
                directory.resolve("external-pg-password"));
                PackagedWarden warden = PackagedWarden.start(directory, "-Dwarden.database.url=" + external.url(),
                        "-Dwarden.database.password=" + external.password())) {
            assertThat(warden.output()).doesNotContain("starting the embedded PostgreSQL")
                    .contains("No clients configured");
            assertThat(directory.resolve(".warden")).doesNotExist();

            ApiException refused = catchThrowableOfType(ApiException.class,
                    () -> warden.moderations("any-key").createModeration(THREAT, null));

            assertThat(refused.getCode()).as("no clients and no development key on a real database").isEqualTo(401);
        }
    }
}
