package dev.warden.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.nio.charset.StandardCharsets;
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
import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.PartnerSignatures;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;
import dev.warden.webhooks.SpecVerifier;

/**
 * The human-review loop as a caller and a desk see it: an async {@code review} decision, the desk's signed
 * {@code review.requested}, the desk's signed {@code review.completed} POSTed to {@code /v1/webhooks/<desk>}, GET
 * showing the human decision, and the caller's receiver getting {@code moderation.updated}, signed, whose data is
 * what GET answers. A second review through the endpoint is stored, refused and changes nothing.
 */
@QuarkusTest
class ReviewLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Desk desk = new Desk();

    @Test
    void aReviewDecisionGoesToTheDeskAndTheHumanDecisionComesBackToTheCaller() throws Exception {
        desk.answers(aResponse().withStatus(204));
        ModerationRequest request = desk.request(Desk.INSULT, Desk.REVIEWED).mode(ModerationRequest.ModeEnum.ASYNC)
                .callbackUrl(CallerReceiver.url());
        UUID id = WardenApi.moderations().createModeration(request, null).getId();

        await().atMost(WAIT).until(() -> desk.requests().size() == 1);
        LoggedRequest requested = desk.requests().get(0);
        assertThat(ReviewRequestTest.verifies(Desk.SIGNING_SECRET, requested)).isTrue();
        JsonNode event = JSON.readTree(requested.getBody());
        assertThat(event.get("type").asText()).isEqualTo("review.requested");
        assertThat(event.at("/data/moderationId").asText()).isEqualTo(id.toString());

        // The desk answers through the inbound endpoint, signed with its newer secret (a rotation in progress).
        byte[] answer = ReviewCompletedHandlerTest.completed(id, "block", List.of("harassment"), "moderator-7",
                "insult").toString().getBytes(StandardCharsets.UTF_8);
        given().headers(PartnerSignatures.headers(Desk.NEXT_WEBHOOK_SECRET, "desk-" + UUID.randomUUID(), answer))
                .contentType("application/json").body(answer)
                .post("/v1/webhooks/" + Desk.ID)
                .then().statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)));
        await().atMost(WAIT).until(() -> WardenApi.moderations().getModeration(id)
                .getDecidedBy() == ModerationResult.DecidedByEnum.REVIEW);
        assertThat(TestDatabase.queryOne(String.class, "select e.status from webhook_event e join review r"
                + " on r.inbox_event_id = e.id where r.moderation_id = ?", id)).isEqualTo("processed");

        ModerationResult reviewed = WardenApi.moderations().getModeration(id);
        assertThat(reviewed.getDecision()).isEqualTo(Action.BLOCK);
        assertThat(reviewed.getDecidedBy()).isEqualTo(ModerationResult.DecidedByEnum.REVIEW);
        assertThat(reviewed.getAutomatedDecision()).isEqualTo(Action.REVIEW);
        assertThat(reviewed.getReview().getStatus()).isEqualTo(ModerationReview.StatusEnum.COMPLETED);
        assertThat(reviewed.getReview().getReviewer()).isEqualTo("moderator-7");

        await().atMost(WAIT).until(() -> updates(id).size() == 1);
        LoggedRequest update = updates(id).get(0);
        assertThat(SpecVerifier.verifies(CallerReceiver.SECRET, update.getHeader("webhook-id"),
                update.getHeader("webhook-timestamp"), update.getBody(), update.getHeader("webhook-signature"),
                Instant.now())).isTrue();
        JsonNode updated = JSON.readTree(update.getBody());
        assertThat(WardenApi.client(TestClients.MODERATOR_KEY).getObjectMapper()
                .treeToValue(updated.get("data"), ModerationResult.class)).isEqualTo(reviewed);

        // A second review, signed with the first secret: stored and answered, refused in processing.
        String secondId = "desk-" + UUID.randomUUID();
        byte[] second = ReviewCompletedHandlerTest.completed(id, "allow", List.of(), "moderator-8", null).toString()
                .getBytes(StandardCharsets.UTF_8);
        given().headers(PartnerSignatures.headers(Desk.WEBHOOK_SECRET, secondId, second))
                .contentType("application/json").body(second)
                .post("/v1/webhooks/" + Desk.ID)
                .then().statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)));
        await().atMost(WAIT).until(() -> "refused".equals(TestDatabase.queryOne(String.class,
                "select status from webhook_event where partner = ? and event_id = ?", Desk.ID, secondId)));
        assertThat(WardenApi.moderations().getModeration(id)).isEqualTo(reviewed);
        assertThat(updates(id)).hasSize(1);
    }

    private static List<LoggedRequest> updates(UUID id) {
        return CallerReceiver.callbacks(id).stream()
                .filter(request -> request.getBodyAsString().contains("\"moderation.updated\"")).toList();
    }
}
