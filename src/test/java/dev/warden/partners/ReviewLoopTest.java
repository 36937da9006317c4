package dev.warden.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.Action;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ModerationReview;
import dev.warden.spi.EventOutcome;
import dev.warden.spi.InboxEvent;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;
import dev.warden.webhooks.SpecVerifier;

/**
 * The human-review loop as a caller and a desk see it: an async {@code review} decision, the desk's signed
 * {@code review.requested}, the desk's {@code review.completed}, GET showing the human decision, and the caller's
 * receiver getting {@code moderation.updated}, signed, whose data is what GET answers.
 */
@QuarkusTest
class ReviewLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReviewCompletedHandler handler;

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

        EventOutcome outcome = handler.handle(new InboxEvent(UUID.randomUUID(), Desk.ID, "msg_" + UUID.randomUUID(),
                Optional.of("review.completed"), ReviewCompletedHandlerTest.completed(id, "block",
                        List.of("harassment"), "moderator-7", "insult").toString(),
                Instant.now(), 1)).await().atMost(WAIT);
        assertThat(outcome).isEqualTo(EventOutcome.applied());

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
    }

    private static List<LoggedRequest> updates(UUID id) {
        return CallerReceiver.callbacks(id).stream()
                .filter(request -> request.getBodyAsString().contains("\"moderation.updated\"")).toList();
    }
}
