package dev.warden.work.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.embedded.PackagedWarden;
import dev.warden.testkit.PartnerSignatures;

/**
 * Issue 9, "Warden killed (SIGKILL) after acknowledging an event and before processing it → processed after
 * restart", on the packaged jar: a review desk's {@code review.completed} is acknowledged by a process whose worker is
 * off, so nothing processes it; that process is killed with SIGKILL; a process started on the same database applies
 * the human decision, and delivers the review request the first one had queued.
 */
class InboxCrashIT {

    private static final Duration RECOVERY = Duration.ofMinutes(2);
    private static final String DESK = "desk";
    private static final String POLICY = "reviewed";
    /** Local rules score it harassment 0.8: {@code review} under the default thresholds. */
    private static final String INSULT = "you idiot";

    @Test
    void anAcknowledgedReviewIsAppliedAfterAKillAndARestart(@TempDir Path directory) throws Exception {
        try (SharedDatabase database = new SharedDatabase(directory);
                CallbackReceiver desk = new CallbackReceiver(WardenProcesses.CALLBACK_SECRET, 0, 1L);
                WardenProcesses wardens = new WardenProcesses(database, directory, reviewDesk(desk))) {
            PackagedWarden crashing = wardens.startWith(List.of("-Dwarden.outbox.enabled=false"), "acknowledges")
                    .get(0);
            WardenApi api = wardens.api(crashing);
            JsonNode automated = api.submit(POLICY, INSULT);
            assertThat(automated.path("decision").asText()).isEqualTo("review");
            assertThat(automated.at("/review/status").asText()).isEqualTo("requested");
            String id = automated.path("id").asText();

            byte[] completed = ("{\"type\":\"review.completed\",\"timestamp\":\"" + Instant.now() + "\",\"data\":"
                    + "{\"moderationId\":\"" + id + "\",\"decision\":\"block\",\"categories\":[\"harassment\"],"
                    + "\"reviewer\":\"agent-17\",\"note\":\"insult\"}}").getBytes(StandardCharsets.UTF_8);
            Map<String, String> signed = PartnerSignatures.headers(WardenProcesses.CALLBACK_SECRET, "msg_crash_" + id
                    .replace("-", ""), completed);
            assertThat(api.deliverWebhook(DESK, signed, completed)).isEqualTo(202);
            assertThat(database.webhookEventStatuses(DESK)).as("acknowledged, stored, not processed")
                    .containsExactly("received");

            crashing.kill();
            WardenApi restarted = wardens.api(wardens.start("processes").get(0));

            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(250))
                    .until(() -> restarted.moderation(id).path("decidedBy").asText().equals("review"));
            JsonNode reviewed = restarted.moderation(id);
            assertThat(reviewed.path("decision").asText()).isEqualTo("block");
            assertThat(reviewed.path("automatedDecision").asText()).isEqualTo("review");
            assertThat(reviewed.at("/review/reviewer").asText()).isEqualTo("agent-17");
            assertThat(database.webhookEventStatuses(DESK)).containsExactly("processed");
            assertThat(restarted.deliverWebhook(DESK, signed, completed)).as("the desk's retry is a duplicate")
                    .isEqualTo(200);

            await().atMost(RECOVERY).until(() -> desk.arrivals().stream()
                    .anyMatch(arrival -> "review.requested".equals(arrival.type()) && arrival.delivered()));
        }
    }

    /** A review desk at the receiver, signing with the test's secret both ways, and a policy that asks it. */
    private static List<String> reviewDesk(CallbackReceiver desk) {
        String partner = "-Dwarden.partners." + DESK + ".";
        return List.of(partner + "type=review", partner + "url=" + desk.url(),
                partner + "webhook-secrets=" + WardenProcesses.CALLBACK_SECRET,
                "-Dwarden.policies." + POLICY + ".providers=local-rules",
                "-Dwarden.policies." + POLICY + ".review-partner=" + DESK);
    }
}
