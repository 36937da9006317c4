package dev.warden.moderation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderError;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.persistence.TestDatabase;
import dev.warden.persistence.VendorJobs;
import dev.warden.providers.Partner;
import dev.warden.providers.PartnerRegistry;
import dev.warden.providers.ProviderRegistry;
import dev.warden.spi.EventOutcome;
import dev.warden.spi.InboundWebhook;
import dev.warden.spi.InboxEvent;
import dev.warden.spi.PartnerWebhooks;
import dev.warden.spi.VerifiedWebhook;
import dev.warden.spi.WebhookRejected;
import dev.warden.testkit.WardenApi;
import dev.warden.work.WorkItem;

/**
 * Classifiers that answer later, end to end on Warden's own worker, with the test vendor of {@code callback-vendor}
 * on WireMock: the job submits a task with a per-job callback URL and leaves the moderation pending; the test plays
 * the vendor, handing its callback to the provider's webhooks as the inbound endpoint does once the inbox stored it
 * (verifier, then handler).
 */
@QuarkusTest
class VendorCallbackTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    PartnerRegistry partners;

    @Inject
    VendorDeadlines deadlines;

    @Inject
    VendorJobs vendorJobs;

    @Inject
    ProviderRegistry registry;

    @Inject
    WaitingModerations waitingModerations;

    private PartnerWebhooks webhooks;

    @BeforeEach
    void vendorAcceptsTasks() {
        VendorSimulation.acceptTasks();
        webhooks = partners.find(VendorSimulation.PROVIDER).flatMap(Partner::webhooks).orElseThrow();
    }

    @Test
    void aPendingVendorCompletesTheModerationWhenItCallsBackAndTheCallerIsCalledBack() throws Exception {
        String receiver = "/receiver/" + UUID.randomUUID();
        String text = "a kind word " + UUID.randomUUID();
        UUID id = acceptCalledBack(text, receiver);

        URI callbackUrl = VendorSimulation.awaitTask(text);
        ModerationResult waiting = VendorSimulation.awaitOutcome(id, ProviderOutcome.OutcomeEnum.PENDING);
        assertThat(waiting.getStatus()).isEqualTo(ModerationResult.StatusEnum.PENDING);
        assertThat(WardenApi.outcome(waiting, "local-rules").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(WardenApi.outcome(waiting, VendorSimulation.PROVIDER).getReason())
                .contains(VendorSimulation.TASK_ID);
        assertThat(callbackUrl.toString()).startsWith("http://warden.test/v1/webhooks/callback-vendor?job=");
        String token = VendorSimulation.query(callbackUrl).get("token");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(TestDatabase.queryOne(String.class, "select encode(token_sha256, 'hex') from vendor_job where"
                + " moderation_id = ?", id)).as("only the token's SHA-256 is stored")
                .isEqualTo(HexFormat.of().formatHex(VendorCallbackUrls.sha256(token)));

        InboundWebhook callback = VendorSimulation.callback(callbackUrl, VendorSimulation.done(0.93));
        VerifiedWebhook verified = webhooks.verifier().verify(callback).await().atMost(WAIT);
        assertThat(verified.eventId()).isEqualTo(VendorSimulation.query(callbackUrl).get("job"));
        assertThat(handle(verified, VendorSimulation.done(0.93))).isInstanceOf(EventOutcome.Applied.class);

        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        assertThat(completed.getDecision().getValue()).isEqualTo("block");
        assertThat(completed.getDegraded()).isFalse();
        ProviderOutcome vendor = WardenApi.outcome(completed, VendorSimulation.PROVIDER);
        assertThat(vendor.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(vendor.getScores()).containsEntry("threat", 0.93);
        assertThat(vendor.getVendorScores()).containsEntry("nsfw", 0.01);
        assertThat(completed.getCategories().get("threat").getScore()).isEqualTo(0.93);
        await().atMost(WAIT).untilAsserted(() -> VendorSimulation.server().verify(1,
                postRequestedFor(urlEqualTo(receiver))));
        assertThat(VendorSimulation.server().findAll(postRequestedFor(urlEqualTo(receiver))).get(0)
                .getBodyAsString()).contains("\"moderation.completed\"", "\"status\":\"completed\"",
                        "\"decision\":\"block\"");
        assertThat(VendorSimulation.tasksFor(text)).isEqualTo(1);
    }

    /**
     * What a restart leaves: the database. A verifier and a handler built afresh, holding nothing of the job that
     * submitted the task, verify and apply its callback from the stored vendor job alone.
     */
    @Test
    void aCallbackIsVerifiedAndAppliedFromWhatTheDatabaseHoldsAlone() throws Exception {
        VendorSimulation.Submitted waiting = VendorSimulation.waitingForTheVendor();
        UUID id = waiting.moderation();
        URI callbackUrl = waiting.callbackUrl();
        String body = VendorSimulation.done(0.93);

        VerifiedWebhook verified = new VendorCallbackVerifier(vendorJobs)
                .verify(VendorSimulation.callback(callbackUrl, body)).await().atMost(WAIT);
        EventOutcome outcome = new VendorCallbackHandler(vendorJobs, registry, waitingModerations)
                .handle(event(verified, body, 1)).await().atMost(WAIT);

        assertThat(outcome).isInstanceOf(EventOutcome.Applied.class);
        assertThat(WardenApi.moderations().getModeration(id).getStatus())
                .isEqualTo(ModerationResult.StatusEnum.COMPLETED);
    }

    @Test
    void aVendorsAnswerThatCallsForReviewSendsTheReviewRequestWithTheCompletion() throws Exception {
        VendorSimulation.Submitted submitted = VendorSimulation.submitted("answers-later-reviewed");
        UUID id = submitted.moderation();
        VendorSimulation.awaitOutcome(id, ProviderOutcome.OutcomeEnum.PENDING);
        String body = VendorSimulation.done(0.6);
        VerifiedWebhook verified = webhooks.verifier().verify(VendorSimulation.callback(submitted.callbackUrl(), body))
                .await().atMost(WAIT);

        assertThat(handle(verified, body)).isInstanceOf(EventOutcome.Applied.class);

        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getDecision().getValue()).isEqualTo("review");
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where kind = 'review-request' and"
                + " subject_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aMissingOrWrongTokenIsRejectedAndChangesNothing() throws Exception {
        VendorSimulation.Submitted waiting = VendorSimulation.waitingForTheVendor();
        UUID id = waiting.moderation();
        URI callbackUrl = waiting.callbackUrl();
        Map<String, String> query = VendorSimulation.query(callbackUrl);
        String body = VendorSimulation.done(0.93);

        assertRejected(VendorSimulation.PROVIDER, Map.of("job", query.get("job")), body,
                WebhookRejected.Reason.MISSING_SIGNATURE);
        assertRejected(VendorSimulation.PROVIDER, Map.of("token", query.get("token")), body,
                WebhookRejected.Reason.MISSING_SIGNATURE);
        Map<String, String> wrongToken = new HashMap<>(query);
        String token = query.get("token");
        wrongToken.put("token", (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1));
        assertRejected(VendorSimulation.PROVIDER, wrongToken, body, WebhookRejected.Reason.BAD_SIGNATURE);
        Map<String, String> otherJob = new HashMap<>(query);
        otherJob.put("job", UUID.randomUUID().toString());
        assertRejected(VendorSimulation.PROVIDER, otherJob, body, WebhookRejected.Reason.BAD_SIGNATURE);
        Map<String, String> notAJob = new HashMap<>(query);
        notAJob.put("job", "../../etc/passwd");
        assertRejected(VendorSimulation.PROVIDER, notAJob, body, WebhookRejected.Reason.BAD_SIGNATURE);
        assertRejected("another-provider", query, body, WebhookRejected.Reason.BAD_SIGNATURE);

        ModerationResult unchanged = WardenApi.moderations().getModeration(id);
        assertThat(unchanged.getStatus()).isEqualTo(ModerationResult.StatusEnum.PENDING);
        assertThat(WardenApi.outcome(unchanged, VendorSimulation.PROVIDER).getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.PENDING);
        assertThat(TestDatabase.queryOne(String.class, "select state from vendor_job where id = ?::uuid",
                query.get("job"))).isEqualTo("waiting");
    }

    @Test
    void aCallbackHandledThreeTimesAtOnceIsAppliedOnce() throws Exception {
        String receiver = "/receiver/" + UUID.randomUUID();
        String text = "a kind word " + UUID.randomUUID();
        UUID id = acceptCalledBack(text, receiver);
        URI callbackUrl = VendorSimulation.awaitTask(text);
        VendorSimulation.awaitOutcome(id, ProviderOutcome.OutcomeEnum.PENDING);
        String body = VendorSimulation.done(0.4);
        VerifiedWebhook verified = webhooks.verifier().verify(VendorSimulation.callback(callbackUrl, body))
                .await().atMost(WAIT);

        List<EventOutcome> outcomes = Uni.join().all(IntStream.range(0, 3)
                .mapToObj(attempt -> webhooks.handler().handle(event(verified, body, attempt + 1))).toList())
                .andCollectFailures().await().atMost(WAIT);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(EventOutcome.Applied.class));
        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        assertThat(completed.getDecision().getValue()).isEqualTo("allow");
        assertThat(AsyncJobs.rows("callback", id)).isEqualTo(1);
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from provider_outcome where moderation_id = ?",
                id)).isEqualTo(2);
        assertThat(handle(verified, VendorSimulation.done(0.99))).as("a later run of the same event")
                .isInstanceOf(EventOutcome.Applied.class);
        assertThat(WardenApi.outcome(WardenApi.moderations().getModeration(id), VendorSimulation.PROVIDER)
                .getScores()).containsEntry("threat", 0.4);
        await().atMost(WAIT).untilAsserted(() -> VendorSimulation.server().verify(1,
                postRequestedFor(urlEqualTo(receiver))));
    }

    @Test
    void aCallbackAfterTheDeadlineIsKeptAsALateAnswerAndRefused() throws Exception {
        VendorSimulation.Submitted submitted = VendorSimulation.submitted("answers-later-briefly");
        UUID id = submitted.moderation();
        URI callbackUrl = submitted.callbackUrl();

        ModerationResult timedOut = VendorSimulation.awaitCompleted(id);
        assertThat(WardenApi.outcome(timedOut, VendorSimulation.PROVIDER).getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.TIMEOUT);
        assertThat(timedOut.getDegraded()).isTrue();
        assertThat(timedOut.getDecision().getValue()).as("on-provider-failure review").isEqualTo("review");
        ProviderOutcome vendor = WardenApi.outcome(timedOut, VendorSimulation.PROVIDER);
        assertThat(vendor.getError().getKind()).isEqualTo(ProviderError.KindEnum.TIMEOUT);
        assertThat(vendor.getError().getMessage()).contains(VendorSimulation.TASK_ID);

        String body = VendorSimulation.done(0.97);
        VerifiedWebhook verified = webhooks.verifier().verify(VendorSimulation.callback(callbackUrl, body))
                .await().atMost(WAIT);
        EventOutcome outcome = handle(verified, body);

        assertThat(outcome).isInstanceOfSatisfying(EventOutcome.Refused.class,
                refused -> assertThat(refused.reason()).startsWith("arrived after the deadline"));
        ModerationResult after = WardenApi.moderations().getModeration(id);
        assertThat(after.getDecision()).isEqualTo(timedOut.getDecision());
        assertThat(after.getCompletedAt()).isEqualTo(timedOut.getCompletedAt());
        ProviderOutcome late = WardenApi.outcome(after, VendorSimulation.PROVIDER);
        assertThat(late.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.TIMEOUT);
        assertThat(late.getLateAnswer().getOutcome().getValue()).isEqualTo("ok");
        assertThat(late.getLateAnswer().getScores()).containsEntry("threat", 0.97);
        assertThat(late.getLateAnswer().getReceivedAt()).isNotNull();
        assertThat(handle(verified, body)).as("handled again").isInstanceOf(EventOutcome.Refused.class);
    }

    @Test
    void anUnreadableCallbackIsInvalidAndTheModerationStillCompletesAtTheDeadline() throws Exception {
        VendorSimulation.Submitted submitted = VendorSimulation.submitted("answers-later-briefly");
        UUID id = submitted.moderation();
        URI callbackUrl = submitted.callbackUrl();
        String garbage = "{\"id\":\"" + VendorSimulation.TASK_ID + "\",\"status\":\"do";
        VerifiedWebhook verified = webhooks.verifier().verify(VendorSimulation.callback(callbackUrl, garbage))
                .await().atMost(WAIT);

        assertThat(handle(verified, garbage)).isInstanceOf(EventOutcome.Invalid.class);
        assertThat(handle(verified, "[1, 2]")).isInstanceOf(EventOutcome.Invalid.class);
        assertThat(WardenApi.moderations().getModeration(id).getStatus())
                .isEqualTo(ModerationResult.StatusEnum.PENDING);

        ModerationResult completed = VendorSimulation.awaitCompleted(id);
        assertThat(WardenApi.outcome(completed, VendorSimulation.PROVIDER).getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.TIMEOUT);
        assertThat(WardenApi.outcome(completed, VendorSimulation.PROVIDER).getLateAnswer()).isNull();
    }

    @Test
    void aVendorReportingThatTheJobFailedIsAnErrorOfThatProvider() throws Exception {
        VendorSimulation.Submitted waiting = VendorSimulation.waitingForTheVendor();
        UUID id = waiting.moderation();
        URI callbackUrl = waiting.callbackUrl();
        String failed = "{\"id\":\"" + VendorSimulation.TASK_ID + "\",\"status\":\"failed\"}";
        VerifiedWebhook verified = webhooks.verifier().verify(VendorSimulation.callback(callbackUrl, failed))
                .await().atMost(WAIT);

        assertThat(handle(verified, failed)).isInstanceOf(EventOutcome.Applied.class);

        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        assertThat(completed.getDegraded()).isTrue();
        ProviderOutcome vendor = WardenApi.outcome(completed, VendorSimulation.PROVIDER);
        assertThat(vendor.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        assertThat(vendor.getError().getKind()).isEqualTo(ProviderError.KindEnum.UNAVAILABLE);
    }

    @Test
    void aCallbackForAJobWhoseSubmissionFailedIsKeptAsALateAnswerAndRefused() throws Exception {
        String text = "a kind word, refused " + UUID.randomUUID();
        VendorSimulation.refuseTasksContaining(text);
        UUID id = VendorSimulation.acceptAsync(text, "answers-later");
        URI callbackUrl = VendorSimulation.awaitTask(text);
        ModerationResult completed = VendorSimulation.awaitCompleted(id);
        assertThat(WardenApi.outcome(completed, VendorSimulation.PROVIDER).getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        String body = VendorSimulation.done(0.97);
        VerifiedWebhook verified = webhooks.verifier().verify(VendorSimulation.callback(callbackUrl, body))
                .await().atMost(WAIT);

        assertThat(handle(verified, body)).isInstanceOfSatisfying(EventOutcome.Refused.class,
                refused -> assertThat(refused.reason()).contains("settled without it"));
        ModerationResult after = WardenApi.moderations().getModeration(id);
        assertThat(after.getDecision()).isEqualTo(completed.getDecision());
        assertThat(WardenApi.outcome(after, VendorSimulation.PROVIDER).getLateAnswer().getScores())
                .containsEntry("threat", 0.97);
    }

    @Test
    void aDeadlineThatCannotBeAppliedFailsTheModerationAndItsVendorNeverAnswers() throws Exception {
        String text = "a kind word " + UUID.randomUUID();
        UUID id = VendorSimulation.acceptAsync(text, "answers-later");
        VendorSimulation.awaitOutcome(id, ProviderOutcome.OutcomeEnum.PENDING);
        WorkItem deadline = new WorkItem(ModerationJob.deadlineRowId(id), VendorDeadlines.KIND,
                VendorDeadlines.DESTINATION, Optional.of(id), new JsonObject(), 1, Instant.now());

        deadlines.abandoned(deadline, "dead-lettered after warden.outbox.max-age").await().atMost(WAIT);

        ModerationResult failed = WardenApi.moderations().getModeration(id);
        assertThat(failed.getStatus()).isEqualTo(ModerationResult.StatusEnum.FAILED);
        assertThat(failed.getFailureReason()).isEqualTo("dead-lettered after warden.outbox.max-age");
        assertThat(WardenApi.outcome(failed, VendorSimulation.PROVIDER).getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(TestDatabase.queryOne(String.class, "select status from outbox where id = ?",
                ModerationJob.deadlineRowId(id))).as("the deadline row the job queued").isEqualTo("pending");
    }

    @Test
    void inSyncModeAVendorThatAnswersOnlyByCallbackIsNotCalledAndCountsAsAFailedProvider() throws Exception {
        String text = "a kind word " + UUID.randomUUID();

        ModerationResult result = WardenApi.moderations().createModeration(WardenApi.text(text, "answers-later"),
                null);

        assertThat(result.getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        ProviderOutcome vendor = WardenApi.outcome(result, VendorSimulation.PROVIDER);
        assertThat(vendor.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        assertThat(vendor.getError().getKind()).isEqualTo(ProviderError.KindEnum.UNSUPPORTED);
        assertThat(vendor.getError().getMessage()).contains("use mode async");
        assertThat(result.getDegraded()).isTrue();
        assertThat(result.getDecision().getValue()).as("on-provider-failure review").isEqualTo("review");
        assertThat(VendorSimulation.tasksFor(text)).isZero();
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from vendor_job where moderation_id = ?",
                result.getId())).isZero();
    }

    /** Accepted async, its caller called back at {@code receiver} on the simulator. */
    private static UUID acceptCalledBack(String text, String receiver) throws Exception {
        VendorSimulation.server().stubFor(post(urlEqualTo(receiver)).willReturn(aResponse().withStatus(204)));
        return WardenApi.moderations().createModeration(WardenApi.text(text, "answers-later")
                .mode(ModerationRequest.ModeEnum.ASYNC)
                .callbackUrl("http://127.0.0.1:" + VendorSimulation.server().port() + receiver), null).getId();
    }

    private EventOutcome handle(VerifiedWebhook verified, String body) {
        return webhooks.handler().handle(event(verified, body, 1)).await().atMost(WAIT);
    }

    private static InboxEvent event(VerifiedWebhook verified, String body, int attempt) {
        return new InboxEvent(UUID.randomUUID(), VendorSimulation.PROVIDER, verified.eventId(), Optional.empty(),
                body, Instant.now(), attempt);
    }

    private void assertRejected(String partner, Map<String, String> query, String body,
            WebhookRejected.Reason reason) {
        InboundWebhook callback = VendorSimulation.callback(partner, query, body);
        assertThatThrownBy(() -> webhooks.verifier().verify(callback).await().atMost(WAIT))
                .isInstanceOfSatisfying(WebhookRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(reason);
                    assertThat(rejected.getMessage()).doesNotContain(query.getOrDefault("token", "no token"));
                });
    }
}
