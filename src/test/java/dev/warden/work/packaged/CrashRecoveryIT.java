package dev.warden.work.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.embedded.PackagedWarden;
import dev.warden.work.packaged.CallbackReceiver.Arrival;
import dev.warden.work.packaged.SharedDatabase.OutboxRow;

/**
 * Issue 8, "kill -9 with pending async moderations and leased deliveries → after restart all complete and deliver",
 * on the packaged jar: the only Warden process is killed with SIGKILL while a slow vendor holds its async moderations
 * and the caller's receiver holds its callbacks; restarted on the same database, with both answering promptly, it
 * completes every moderation (with the vendor's answer, not a timeout) and delivers every callback.
 */
class CrashRecoveryIT {

    private static final int SLOW = 4;
    private static final int QUICK = 4;
    private static final Duration RECOVERY = Duration.ofMinutes(2);
    private static final String PROVIDER = "slow-vendor";
    private static final String POLICY = "slow";

    @Test
    void pendingModerationsAndLeasedCallbacksCompleteAfterAKillAndARestart(@TempDir Path directory)
            throws Exception {
        try (SharedDatabase database = new SharedDatabase(directory);
                SlowVendor vendor = new SlowVendor();
                CallbackReceiver receiver = new CallbackReceiver(WardenProcesses.CALLBACK_SECRET, 0, 1L);
                WardenProcesses wardens = new WardenProcesses(database, directory, slowPolicy(vendor))) {
            vendor.gate().hold();
            receiver.gate().hold();
            PackagedWarden crashing = wardens.start("before-the-crash").get(0);
            WardenApi api = wardens.api(crashing);
            List<String> slow = new ArrayList<>();
            List<String> quick = new ArrayList<>();
            for (int i = 0; i < SLOW; i++) {
                slow.add(api.submitAsync(POLICY, "waits for the vendor " + i, receiver.url()));
            }
            for (int i = 0; i < QUICK; i++) {
                quick.add(api.submitAsync("default", "local rules only " + i, receiver.url()));
            }
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(100))
                    .until(() -> vendor.gate().held() > 0 && receiver.gate().held() > 0
                            && database.outbox("callback").size() == QUICK);
            assertThat(slow).allSatisfy(id -> assertThat(api.moderation(id).path("status").asText())
                    .isEqualTo("pending"));
            Set<String> heldCallbacks = database.leased("callback").stream().map(OutboxRow::id)
                    .collect(Collectors.toSet());
            assertThat(heldCallbacks).isNotEmpty();

            Instant killedAt = Instant.now();
            crashing.kill();
            vendor.gate().release();
            receiver.gate().release();
            WardenApi restarted = wardens.api(wardens.start("after-the-crash").get(0));

            List<String> all = new ArrayList<>(slow);
            all.addAll(quick);
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                    .until(() -> all.stream().allMatch(id -> restarted.moderation(id).path("status").asText()
                            .equals("completed")) && deliveredModerations(receiver, killedAt).containsAll(all));

            for (String id : slow) {
                JsonNode vendorResult = provider(restarted.moderation(id), PROVIDER);
                assertThat(vendorResult.path("outcome").asText()).as("the vendor's answer after the restart")
                        .isEqualTo("ok");
            }
            assertThat(receiver.deliveredSince(killedAt).stream().map(Arrival::webhookId))
                    .as("the callbacks leased when it died were delivered after the restart")
                    .containsAll(heldCallbacks.stream().map(id -> "msg_" + id).toList());
            assertThat(receiver.webhookIdsByModeration()).as("one webhook-id per event, also when redelivered")
                    .allSatisfy((moderation, ids) -> assertThat(ids).hasSize(1));
            assertThat(database.outbox("callback")).hasSize(SLOW + QUICK)
                    .allSatisfy(row -> assertThat(row.status()).isEqualTo("delivered"));
        }
    }

    /** A provider on the slow vendor, without retries or a breaker, and a policy that waits for it. */
    private static List<String> slowPolicy(SlowVendor vendor) {
        String provider = "-Dwarden.providers." + PROVIDER + ".";
        return List.of(provider + "adapter=openai", provider + "api-key=sk-test-key",
                provider + "base-url=" + vendor.baseUrl(), provider + "retry.max-retries=0",
                provider + "circuit-breaker.enabled=false", "-Dwarden.policies." + POLICY + ".providers=" + PROVIDER,
                "-Dwarden.policies." + POLICY + ".deadline=60s");
    }

    private static Set<String> deliveredModerations(CallbackReceiver receiver, Instant since) {
        return receiver.deliveredSince(since).stream().map(Arrival::moderationId).collect(Collectors.toSet());
    }

    private static JsonNode provider(JsonNode moderation, String name) {
        for (JsonNode provider : moderation.path("providers")) {
            if (provider.path("provider").asText().equals(name)) {
                return provider;
            }
        }
        throw new AssertionError("no result of " + name + " in " + moderation);
    }
}
