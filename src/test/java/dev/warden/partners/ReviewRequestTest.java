package dev.warden.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.Action;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ModerationReview;
import dev.warden.client.model.ProviderInfo;
import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;
import dev.warden.webhooks.SpecVerifier;

/**
 * A {@code review} decision under a policy with a desk queues a {@code review.requested} in the statement that stores
 * the moderation (sync and async), and the desk gets it signed with its signing secret; other decisions, and
 * policies without a desk, queue nothing.
 */
@QuarkusTest
class ReviewRequestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Desk desk = new Desk();

    @Test
    void aSyncReviewDecisionIsAnsweredWithItsRequestQueuedAndTheDeskGetsItSigned() throws Exception {
        desk.answers(aResponse().withStatus(204));

        ModerationResult answer = WardenApi.moderations().createModeration(desk.request(Desk.INSULT, Desk.REVIEWED),
                null);

        UUID id = answer.getId();
        assertThat(answer.getDecision()).isEqualTo(Action.REVIEW);
        assertThat(answer.getDecidedBy()).isEqualTo(ModerationResult.DecidedByEnum.POLICY);
        assertThat(answer.getAutomatedDecision()).isEqualTo(Action.REVIEW);
        ModerationReview review = answer.getReview();
        assertThat(review.getPartner()).isEqualTo(Desk.ID);
        assertThat(review.getStatus()).isEqualTo(ModerationReview.StatusEnum.REQUESTED);
        assertThat(review.getRequestedAt()).isEqualTo(answer.getCompletedAt());
        assertThat(review.getDecision()).isNull();
        // Queued by the statement that stored the moderation: there before the answer came back.
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where kind = 'review-request'"
                + " and destination = ? and subject_id = ?", Desk.ID, id)).isEqualTo(1L);
        assertThat(WardenApi.moderations().getModeration(id)).isEqualTo(answer);

        LoggedRequest request = delivered(id).get(0);
        UUID rowId = TestDatabase.queryOne(UUID.class, "select id from outbox where subject_id = ?"
                + " and kind = 'review-request'", id);
        assertThat(request.getHeader("webhook-id")).isEqualTo("msg_" + rowId);
        assertThat(verifies(Desk.SIGNING_SECRET, request)).isTrue();
        assertThat(verifies(Desk.WEBHOOK_SECRET, request)).as("signed with the signing secret, not the first"
                + " webhook secret").isFalse();
        JsonNode event = JSON.readTree(request.getBody());
        assertThat(event.get("type").asText()).isEqualTo("review.requested");
        assertThat(Instant.parse(event.get("timestamp").asText())).isEqualTo(answer.getCompletedAt().toInstant());
        JsonNode data = event.get("data");
        assertThat(data.get("moderationId").asText()).isEqualTo(id.toString());
        assertThat(data.get("policy").asText()).isEqualTo(Desk.REVIEWED);
        assertThat(data.get("decision").asText()).isEqualTo("review");
        assertThat(data.get("categories").get("harassment").get("score").asDouble()).isEqualTo(0.8);
        assertThat(data.get("categories").get("harassment").get("action").asText()).isEqualTo("review");
        assertThat(data.get("content").get(0).get("type").asText()).isEqualTo("text");
        assertThat(data.get("content").get(0).get("text").asText()).isEqualTo(Desk.INSULT);
        assertThat(data.get("context").get("contentId").asText()).isEqualTo(desk.token);
        assertThat(data.get("context").get("surface").asText()).isEqualTo("comments");
        // Delivered, the row keeps no content.
        await().atMost(WAIT).until(() -> TestDatabase.queryOne(String.class, "select payload #>> '{event,data,content}'"
                + " from outbox where id = ?", rowId) == null);
    }

    @Test
    void allowAndBlockDecisionsAndPoliciesWithoutADeskQueueNoRequest() throws Exception {
        ModerationResult allowed = WardenApi.moderations().createModeration(desk.request("hello there",
                Desk.REVIEWED), null);
        ModerationResult blocked = WardenApi.moderations().createModeration(desk.request(Desk.INSULT,
                Desk.REVIEWED_STRICT), null);
        ModerationResult noDesk = WardenApi.moderations().createModeration(desk.request(Desk.INSULT, "default"),
                null);

        assertThat(allowed.getDecision()).isEqualTo(Action.ALLOW);
        assertThat(blocked.getDecision()).isEqualTo(Action.BLOCK);
        assertThat(noDesk.getDecision()).isEqualTo(Action.REVIEW);
        for (ModerationResult answer : List.of(allowed, blocked, noDesk)) {
            assertThat(answer.getReview()).isNull();
            assertThat(answer.getDecidedBy()).isEqualTo(ModerationResult.DecidedByEnum.POLICY);
            assertThat(WardenApi.moderations().getModeration(answer.getId()).getReview()).isNull();
            assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where subject_id = ?",
                    answer.getId())).isZero();
            assertThat(TestDatabase.queryOne(Long.class, "select count(*) from review where moderation_id = ?",
                    answer.getId())).isZero();
        }
    }

    @Test
    void anAsyncReviewDecisionQueuesItsRequestWithItsCompletionAndTheCallbackShowsIt() throws Exception {
        desk.answers(aResponse().withStatus(204));
        ModerationRequest request = desk.request(Desk.INSULT, Desk.REVIEWED)
                .mode(ModerationRequest.ModeEnum.ASYNC)
                .callbackUrl(CallerReceiver.url());

        UUID id = WardenApi.moderations().createModeration(request, null).getId();

        await().atMost(WAIT).until(() -> WardenApi.moderations().getModeration(id)
                .getStatus() == ModerationResult.StatusEnum.COMPLETED);
        ModerationResult completed = WardenApi.moderations().getModeration(id);
        assertThat(completed.getReview().getStatus()).isEqualTo(ModerationReview.StatusEnum.REQUESTED);
        assertThat(completed.getReview().getRequestedAt()).isEqualTo(completed.getCompletedAt());
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where subject_id = ?"
                + " and kind = 'review-request' and destination = ?", id, Desk.ID)).isEqualTo(1L);
        JsonNode callbackData = JSON.readTree(TestDatabase.queryOne(String.class, "select (payload -> 'event' ->"
                + " 'data')::text from outbox where subject_id = ? and kind = 'callback'", id));
        assertThat(WardenApi.client(TestClients.MODERATOR_KEY).getObjectMapper()
                .treeToValue(callbackData, ModerationResult.class)).isEqualTo(completed);
        JsonNode data = JSON.readTree(delivered(id).get(0).getBody()).get("data");
        assertThat(data.get("content").get(0).get("text").asText()).isEqualTo(Desk.INSULT);
        assertThat(data.get("context").get("contentId").asText()).isEqualTo(desk.token);
    }

    @Test
    void theDeskIsListedWithTheProvidersAsAReviewPartnerWithItsDeliveryHealth() throws Exception {
        ProviderInfo listed = WardenApi.providers(TestClients.ADMIN_KEY).listProviders().getProviders().stream()
                .filter(partner -> partner.getId().equals(Desk.ID)).findFirst().orElseThrow();

        assertThat(listed.getKind()).isEqualTo(ProviderInfo.KindEnum.REVIEW);
        assertThat(listed.getAdapter()).isEqualTo("standard-webhooks");
        assertThat(listed.getEnabled()).isTrue();
        assertThat(listed.getGuard().getCircuit()).isNotNull();
        assertThat(listed.getStats()).isNotNull();
    }

    private List<LoggedRequest> delivered(UUID id) {
        await().atMost(WAIT).until(() -> "delivered".equals(TestDatabase.queryOne(String.class,
                "select status from outbox where kind = 'review-request' and subject_id = ?", id)));
        List<LoggedRequest> requests = desk.requests();
        assertThat(requests).hasSize(1);
        return requests;
    }

    static boolean verifies(String secret, LoggedRequest request) throws Exception {
        return SpecVerifier.verifies(secret, request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getBody(), request.getHeader("webhook-signature"), Instant.now());
    }
}
