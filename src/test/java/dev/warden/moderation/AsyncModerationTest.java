package dev.warden.moderation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

import dev.warden.client.ApiResponse;
import dev.warden.client.model.Action;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.OutboxWorkerOff;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;
import dev.warden.work.AttemptResult;
import dev.warden.work.WorkItem;

/**
 * Async mode on a real PostgreSQL, with the job driven directly as the outbox worker would (Warden's own worker is
 * off in this profile, so each test decides when and how often an attempt runs): stored before the 202, progress
 * stored per provider, resumed after a crash without asking again, completed once, content purged. With the worker
 * running: AsyncModerationEndToEndTest.
 */
@QuarkusTest
@TestProfile(OutboxWorkerOff.class)
class AsyncModerationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Only the content carries the marker: no rule or vendor label echoes it. */
    private static final String MARKER = "zx81-confidential";
    private static final String THREAT = "I will hurt you, you idiot; ref " + MARKER;
    private static final String CALLBACK_URL = "http://127.0.0.1:9/hooks/warden";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ModerationJob job;

    /** The moderations a test queued work for, whose outbox rows it removes: no other test inherits them. */
    private final List<UUID> queued = new ArrayList<>();

    @BeforeEach
    void resetCounters() {
        ScriptedAdapterType.reset();
    }

    @AfterEach
    void removeQueuedWork() throws Exception {
        for (UUID id : queued) {
            TestDatabase.update("delete from outbox where subject_id = ?", id);
        }
    }

    @Test
    void anAsyncRequestIsAnswered202WithLocationOnlyOnceItIsStored() throws Exception {
        ApiResponse<ModerationResult> answer = WardenApi.moderations()
                .createModerationWithHttpInfo(async(WardenApi.text(THREAT, "default")), null);

        assertThat(answer.getStatusCode()).isEqualTo(202);
        UUID id = queued(answer.getData().getId());
        assertThat(answer.getHeaders().get("location")).containsExactly("/v1/moderations/" + id);
        assertPending(answer.getData(), "local-rules");
        assertThat(answer.getData().toString()).doesNotContain(MARKER);
        // Readable at once: the 202 followed the commit.
        String stored = get(id);
        assertThat(stored).doesNotContain(MARKER);
        assertPending(WardenApi.moderations().getModeration(id), "local-rules");
        assertThat(AsyncJobs.column("status", id)).isEqualTo("pending");
        assertThat(AsyncJobs.column("mode", id)).isEqualTo("async");
        assertThat(AsyncJobs.column("content", id)).contains(THREAT);
        WorkItem queued = AsyncJobs.jobOf(id);
        assertThat(queued.kind()).isEqualTo("moderation");
        assertThat(queued.destination()).isEqualTo("moderation");
        assertThat(queued.payload().isEmpty()).isTrue();
        assertThat(TestDatabase.queryOne(String.class, "select status from outbox where id = ?", queued.id()))
                .isEqualTo("pending");
    }

    @Test
    void theJobCompletesTheModerationAndPurgesItsContent() throws Exception {
        UUID id = submit(async(WardenApi.text(THREAT, "default")));
        String contentSha256 = AsyncJobs.column("content_sha256", id);

        assertThat(attempt(id)).isInstanceOf(AttemptResult.Done.class);

        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        assertThat(completed.getDecision()).isEqualTo(Action.BLOCK);
        assertThat(completed.getCategories().get("threat").getScore()).isEqualTo(0.95);
        assertThat(WardenApi.outcome(completed, "local-rules").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(completed.getDegraded()).isFalse();
        assertThat(completed.getCompletedAt()).isNotNull();
        assertThat(AsyncJobs.column("content", id)).as("content purged").isNull();
        assertThat(AsyncJobs.column("content_sha256", id)).as("hash kept").isEqualTo(contentSha256);
        assertThat(AsyncJobs.rows("callback", id)).as("no callbackUrl, no callback").isZero();
    }

    @Test
    void eachProviderResultIsStoredAsItArrives() throws Exception {
        UUID id = submit(async(slowSecondProvider(3_000)));
        AtomicReference<AttemptResult> result = new AtomicReference<>();

        job.attempt(AsyncJobs.jobOf(id)).subscribe().with(result::set);

        await().atMost(WAIT).until(() -> outcomeOf(id, "scripted") == ProviderOutcome.OutcomeEnum.OK);
        ModerationResult halfWay = WardenApi.moderations().getModeration(id);
        assertThat(halfWay.getStatus()).isEqualTo(ModerationResult.StatusEnum.PENDING);
        assertThat(WardenApi.outcome(halfWay, "scripted-images").getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.PENDING);
        assertThat(halfWay.getDecision()).isNull();
        await().atMost(WAIT).untilAtomic(result, org.hamcrest.Matchers.instanceOf(AttemptResult.Done.class));
        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        assertThat(completed.getProviders()).extracting(ProviderOutcome::getOutcome)
                .containsExactly(ProviderOutcome.OutcomeEnum.OK, ProviderOutcome.OutcomeEnum.OK);
    }

    @Test
    void aJobResumedAfterACrashReusesTheResultsStoredBeforeIt() throws Exception {
        UUID id = submit(async(slowSecondProvider(3_000)));
        Cancellable crashed = job.attempt(AsyncJobs.jobOf(id)).subscribe().with(ignored -> {
        });
        await().atMost(WAIT).until(() -> outcomeOf(id, "scripted") == ProviderOutcome.OutcomeEnum.OK);
        long storedLatency = WardenApi.outcome(WardenApi.moderations().getModeration(id), "scripted").getLatencyMs();

        crashed.cancel();
        await().atMost(WAIT).until(() -> ScriptedAdapterType.counters("scripted-images").cancelledCalls() == 1);
        assertThat(AsyncJobs.column("status", id)).isEqualTo("pending");

        assertThat(attempt(id)).isInstanceOf(AttemptResult.Done.class);

        assertThat(ScriptedAdapterType.counters("scripted").startedCalls()).as("not asked again").isEqualTo(1);
        assertThat(ScriptedAdapterType.counters("scripted-images").startedCalls()).isEqualTo(2);
        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        assertThat(WardenApi.outcome(completed, "scripted").getLatencyMs()).isEqualTo(storedLatency);
        assertThat(completed.getDegraded()).isFalse();
    }

    @Test
    void twoConcurrentAttemptsCompleteTheModerationOnceWithOneCallback() throws Exception {
        UUID id = submit(async(slowSecondProvider(1_000)).callbackUrl(CALLBACK_URL));
        WorkItem item = AsyncJobs.jobOf(id);

        List<AttemptResult> results = Uni.join().all(job.attempt(item), job.attempt(item)).andFailFast()
                .await().atMost(WAIT);

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(AttemptResult.Done.class));
        assertThat(ScriptedAdapterType.counters("scripted-images").startedCalls())
                .as("both attempts ran the fan-out").isEqualTo(2);
        assertThat(AsyncJobs.rows("callback", id)).isEqualTo(1);
        assertThat(AsyncJobs.column("status", id)).isEqualTo("completed");
    }

    @Test
    void anAttemptAfterCompletionCallsNoVendorAndQueuesNoSecondCallback() throws Exception {
        UUID id = submit(async(twoProviders("https://cdn.example.com/picture.png")).callbackUrl(CALLBACK_URL));
        attempt(id);

        assertThat(attempt(id)).as("the crash came after completing, before the row was marked done")
                .isInstanceOf(AttemptResult.Done.class);

        assertThat(ScriptedAdapterType.counters("scripted").startedCalls()).isEqualTo(1);
        assertThat(ScriptedAdapterType.counters("scripted-images").startedCalls()).isEqualTo(1);
        assertThat(AsyncJobs.rows("callback", id)).isEqualTo(1);
    }

    @Test
    void theCallbackRowCarriesTheModerationExactlyAsGetReturnsIt() throws Exception {
        UUID id = submit(async(WardenApi.text(THREAT, "default")).callbackUrl(CALLBACK_URL));
        attempt(id);

        JsonNode payload = JSON.readTree(AsyncJobs.callbackPayload(id));

        assertThat(payload.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("client", "url", "event");
        assertThat(payload.get("client").asText()).isEqualTo("test-moderator");
        assertThat(payload.get("url").asText()).isEqualTo(CALLBACK_URL);
        JsonNode event = payload.get("event");
        assertThat(event.get("type").asText()).isEqualTo("moderation.completed");
        JsonNode asGet = JSON.readTree(get(id));
        assertThat(event.get("data")).isEqualTo(asGet);
        assertThat(Instant.parse(event.get("timestamp").asText()))
                .isEqualTo(Instant.parse(asGet.get("completedAt").asText()));
        assertThat(event.get("timestamp").asText()).endsWith("Z");
        assertThat(TestDatabase.queryOne(String.class, "select destination from outbox where kind = 'callback' and"
                + " subject_id = ?", id)).isEqualTo("callback:test-moderator");
        assertThat(payload.toString()).doesNotContain(MARKER);
    }

    @Test
    void anAbandonedJobFailsTheModerationWithTheReasonAndStillCallsBack() throws Exception {
        UUID id = submit(async(WardenApi.text(THREAT, "default")).callbackUrl(CALLBACK_URL));

        job.abandoned(AsyncJobs.jobOf(id), "dead-lettered: still failing after 3 days").await().atMost(WAIT);

        ModerationResult failed = WardenApi.moderations().getModeration(id);
        assertThat(failed.getStatus()).isEqualTo(ModerationResult.StatusEnum.FAILED);
        assertThat(failed.getFailureReason()).isEqualTo("dead-lettered: still failing after 3 days");
        assertThat(failed.getDecision()).isNull();
        assertThat(failed.getCompletedAt()).isNotNull();
        assertThat(WardenApi.outcome(failed, "local-rules").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(AsyncJobs.column("content", id)).as("content purged").isNull();
        JsonNode event = JSON.readTree(AsyncJobs.callbackPayload(id)).get("event");
        assertThat(event.get("type").asText()).isEqualTo("moderation.completed");
        assertThat(event.get("data")).isEqualTo(JSON.readTree(get(id)));
        assertThat(event.get("data").get("status").asText()).isEqualTo("failed");
        assertThat(attempt(id)).as("nothing left to do").isInstanceOf(AttemptResult.Done.class);
        assertThat(AsyncJobs.rows("callback", id)).isEqualTo(1);
    }

    @Test
    void aPolicyRemovedSinceTheRequestFailsTheModerationWithThatReason() throws Exception {
        UUID id = submit(async(WardenApi.text(THREAT, "default")).callbackUrl(CALLBACK_URL));
        TestDatabase.update("update moderation set policy = 'retired' where id = ?", id);

        AttemptResult result = attempt(id);

        assertThat(result).isInstanceOf(AttemptResult.Stop.class);
        assertThat(((AttemptResult.Stop) result).error()).isEqualTo("policy 'retired' is no longer configured");
        ModerationResult failed = WardenApi.moderations().getModeration(id);
        assertThat(failed.getStatus()).isEqualTo(ModerationResult.StatusEnum.FAILED);
        assertThat(failed.getFailureReason()).isEqualTo("policy 'retired' is no longer configured");
        assertThat(AsyncJobs.column("content", id)).isNull();
        assertThat(JSON.readTree(AsyncJobs.callbackPayload(id)).at("/event/data/status").asText()).isEqualTo("failed");
    }

    @Test
    void aPlannedProviderRemovedSinceTheRequestIsSkippedAndTheOthersStillDecide() throws Exception {
        UUID id = submit(async(WardenApi.text(THREAT, "default")));
        TestDatabase.update("update moderation set planned_providers = array['local-rules', 'retired-vendor']"
                + " where id = ?", id);

        assertThat(attempt(id)).isInstanceOf(AttemptResult.Done.class);

        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        assertThat(completed.getProviders()).extracting(ProviderOutcome::getProvider)
                .containsExactly("local-rules", "retired-vendor");
        ProviderOutcome retired = WardenApi.outcome(completed, "retired-vendor");
        assertThat(retired.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(retired.getReason()).isEqualTo("provider is no longer configured");
        assertThat(completed.getDecision()).isEqualTo(Action.BLOCK);
    }

    @Test
    void aKeyedAsyncRequestIsReplayedAsItIsNowAndItsVendorsAskedOnce() throws Exception {
        ModerationRequest request = async(twoProviders("https://cdn.example.com/picture.png"));
        String key = "async-" + UUID.randomUUID();

        ApiResponse<ModerationResult> first = WardenApi.moderations().createModerationWithHttpInfo(request, key);
        ApiResponse<ModerationResult> whilePending = WardenApi.moderations().createModerationWithHttpInfo(request,
                key);

        UUID id = queued(first.getData().getId());
        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(first.getHeaders().get("idempotent-replayed")).containsExactly("false");
        assertThat(whilePending.getStatusCode()).isEqualTo(202);
        assertThat(whilePending.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(whilePending.getHeaders().get("location")).containsExactly("/v1/moderations/" + id);
        assertThat(whilePending.getData().getId()).isEqualTo(id);
        assertThat(AsyncJobs.rows("moderation", id)).as("one job").isEqualTo(1);

        attempt(id);
        ApiResponse<ModerationResult> afterwards = WardenApi.moderations().createModerationWithHttpInfo(request, key);

        assertThat(afterwards.getStatusCode()).isEqualTo(200);
        assertThat(afterwards.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(afterwards.getData().getStatus()).isEqualTo(ModerationResult.StatusEnum.COMPLETED);
        assertThat(ScriptedAdapterType.counters("scripted").startedCalls()).isEqualTo(1);
    }

    @Test
    void syncModeStillWritesOnlyTheCompletedModeration() throws Exception {
        ApiResponse<ModerationResult> answer = WardenApi.moderations()
                .createModerationWithHttpInfo(WardenApi.text(THREAT, "default"), null);

        UUID id = answer.getData().getId();
        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(answer.getHeaders()).doesNotContainKey("location");
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where subject_id = ?", id)).isZero();
        assertThat(AsyncJobs.column("content", id)).isNull();
        assertThat(AsyncJobs.column("planned_providers", id)).isNull();
        assertThat(AsyncJobs.column("mode", id)).isEqualTo("sync");
        assertThat(AsyncJobs.column("status", id)).isEqualTo("completed");
    }

    private static ModerationRequest async(ModerationRequest request) {
        return request.mode(ModerationRequest.ModeEnum.ASYNC);
    }

    /** Text for {@code scripted}, which answers at once; an image only {@code scripted-images} sees, as slow as said. */
    private static ModerationRequest slowSecondProvider(int millis) {
        return twoProviders("https://cdn.example.com/script:slow-" + millis + ".png");
    }

    private static ModerationRequest twoProviders(String imageUrl) {
        return WardenApi.text("hello", "async-progress").addContentItem(WardenApi.image(imageUrl));
    }

    private UUID submit(ModerationRequest request) throws Exception {
        return queued(WardenApi.moderations().createModeration(request, null).getId());
    }

    private UUID queued(UUID id) {
        queued.add(id);
        return id;
    }

    private AttemptResult attempt(UUID id) throws Exception {
        return job.attempt(AsyncJobs.jobOf(id)).await().atMost(WAIT);
    }

    private static ProviderOutcome.OutcomeEnum outcomeOf(UUID id, String provider) throws Exception {
        return WardenApi.outcome(WardenApi.moderations().getModeration(id), provider).getOutcome();
    }

    private static String get(UUID id) {
        return given().auth().oauth2(TestClients.MODERATOR_KEY).get("/v1/moderations/" + id).then().statusCode(200)
                .extract().asString();
    }

    private static void assertPending(ModerationResult result, String... providers) {
        assertThat(result.getStatus()).isEqualTo(ModerationResult.StatusEnum.PENDING);
        assertThat(result.getDecision()).isNull();
        assertThat(result.getFlagged()).isNull();
        assertThat(result.getDegraded()).isNull();
        assertThat(result.getCompletedAt()).isNull();
        assertThat(result.getProviders()).extracting(ProviderOutcome::getProvider).containsExactly(providers);
        assertThat(result.getProviders()).allSatisfy(outcome -> assertThat(outcome.getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.PENDING));
    }
}
