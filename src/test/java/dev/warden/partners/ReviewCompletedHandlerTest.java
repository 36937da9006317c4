package dev.warden.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.Action;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ModerationReview;
import dev.warden.persistence.TestDatabase;
import dev.warden.spi.EventOutcome;
import dev.warden.spi.InboxEvent;
import dev.warden.testkit.WardenApi;

/**
 * A desk's {@code review.completed}, as the inbox hands it over: applied once (the final decision the human one, the
 * automated one kept, the caller's {@code moderation.updated} queued with it), refused for an unknown moderation, one
 * never sent for review, one reviewed already or an event type a desk does not send, invalid when its data cannot be
 * read.
 */
@QuarkusTest
class ReviewCompletedHandlerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReviewCompletedHandler handler;

    private final Desk desk = new Desk();

    @Test
    void aReviewIsAppliedOnceAndGetShowsTheHumanDecision() throws Exception {
        ModerationResult answered = WardenApi.moderations().createModeration(desk.request(Desk.INSULT,
                Desk.REVIEWED), null);
        InboxEvent event = event(completed(answered.getId(), "block", List.of("harassment", "threat"),
                "moderator-7", "clear insult"));

        assertThat(handle(event)).isEqualTo(EventOutcome.applied());

        ModerationResult reviewed = WardenApi.moderations().getModeration(answered.getId());
        assertThat(reviewed.getDecision()).isEqualTo(Action.BLOCK);
        assertThat(reviewed.getFlagged()).isTrue();
        assertThat(reviewed.getDecidedBy()).isEqualTo(ModerationResult.DecidedByEnum.REVIEW);
        assertThat(reviewed.getAutomatedDecision()).isEqualTo(Action.REVIEW);
        assertThat(reviewed.getCategories()).isEqualTo(answered.getCategories());
        ModerationReview review = reviewed.getReview();
        assertThat(review.getPartner()).isEqualTo(Desk.ID);
        assertThat(review.getStatus()).isEqualTo(ModerationReview.StatusEnum.COMPLETED);
        assertThat(review.getDecision()).isEqualTo(Action.BLOCK);
        assertThat(review.getCategories()).containsExactly("harassment", "threat");
        assertThat(review.getReviewer()).isEqualTo("moderator-7");
        assertThat(review.getNote()).isEqualTo("clear insult");
        assertThat(review.getRequestedAt()).isEqualTo(answered.getReview().getRequestedAt());
        assertThat(review.getCompletedAt()).isAfterOrEqualTo(review.getRequestedAt());

        // The same stored event processed again (a crash after the update, a replay): applied, nothing changes.
        assertThat(handle(event)).isEqualTo(EventOutcome.applied());
        assertThat(WardenApi.moderations().getModeration(answered.getId())).isEqualTo(reviewed);
        // A second review of it, from another event: refused, not applied.
        EventOutcome second = handle(event(completed(answered.getId(), "allow", List.of(), "moderator-8", null)));
        assertThat(second).isInstanceOf(EventOutcome.Refused.class);
        assertThat(((EventOutcome.Refused) second).reason()).contains("already completed");
        assertThat(WardenApi.moderations().getModeration(answered.getId())).isEqualTo(reviewed);
    }

    @Test
    void concurrentReviewsOfOneModerationApplyOnceAndQueueOneUpdate() throws Exception {
        UUID id = asyncReviewed();
        List<InboxEvent> events = List.of(event(completed(id, "allow", List.of(), "first", null)),
                event(completed(id, "block", List.of("harassment"), "second", null)),
                event(completed(id, "allow", List.of(), "third", null)));

        List<EventOutcome> outcomes = events.stream()
                .map(event -> handler.handle(event).subscribeAsCompletionStage()).toList().stream()
                .map(CompletableFuture::join).toList();

        assertThat(outcomes).filteredOn(outcome -> outcome instanceof EventOutcome.Applied).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome instanceof EventOutcome.Refused).hasSize(2);
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from outbox where subject_id = ? and kind ="
                + " 'callback' and payload #>> '{event,type}' = 'moderation.updated'", id)).isEqualTo(1L);
        String reviewer = WardenApi.moderations().getModeration(id).getReview().getReviewer();
        InboxEvent applied = events.get(outcomes.indexOf(EventOutcome.applied()));
        assertThat(JSON.readTree(applied.body()).at("/data/reviewer").asText()).isEqualTo(reviewer);
    }

    @Test
    void reviewsOfUnknownOrUnrequestedModerationsAreRefused() throws Exception {
        ModerationResult allowed = WardenApi.moderations().createModeration(desk.request("hello there",
                Desk.REVIEWED), null);
        ModerationResult noDesk = WardenApi.moderations().createModeration(desk.request(Desk.INSULT, "default"),
                null);

        assertThat(refusal(completed(UUID.randomUUID(), "block", List.of(), "r", null))).startsWith("no moderation");
        assertThat(refusal(completed(allowed.getId(), "block", List.of(), "r", null)))
                .contains("no review of moderation " + allowed.getId() + " was requested from 'test-desk'");
        assertThat(refusal(completed(noDesk.getId(), "block", List.of(), "r", null)))
                .contains("no review of moderation " + noDesk.getId());
        assertThat(WardenApi.moderations().getModeration(allowed.getId())).isEqualTo(allowed);
        assertThat(WardenApi.moderations().getModeration(noDesk.getId())).isEqualTo(noDesk);
    }

    @Test
    void otherEventTypesAreRefused() throws Exception {
        ObjectNode body = completed(UUID.randomUUID(), "block", List.of(), "r", null).put("type", "review.assigned");

        assertThat(refusal(body)).contains("'review.assigned' is not handled");
    }

    @Test
    void unreadableDataIsInvalid() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(invalid("{not json")).isEqualTo("the body is not JSON");
        assertThat(invalid("[1]")).isEqualTo("the body is not a JSON object");
        assertThat(invalid("{\"type\":\"review.completed\"}")).contains("data must be an object");
        assertThat(invalid(completed(id, "block", List.of(), "r", null).put("data", "x").toString()))
                .contains("data must be an object");
        ObjectNode badId = completed(id, "block", List.of(), "r", null);
        ((ObjectNode) badId.get("data")).put("moderationId", "42");
        assertThat(invalid(badId.toString())).contains("moderationId must be the moderation's id");
        assertThat(invalid(completed(id, "delete", List.of(), "r", null).toString()))
                .contains("decision must be one of allow, review, block");
        assertThat(invalid(completed(id, "block", List.of("nudity"), "r", null).toString()))
                .contains("categories: 'nudity' is not a taxonomy v1 category");
        assertThat(invalid(completed(id, "block", List.of(), null, null).toString())).contains("reviewer is required");
        assertThat(invalid(completed(id, "block", List.of(), "r".repeat(201), null).toString()))
                .contains("reviewer must be text of 1 to 200 characters");
        assertThat(invalid(completed(id, "block", List.of(), "r", "n".repeat(4001)).toString()))
                .contains("note must be text of 1 to 4000 characters");
        // Every problem at once, so a desk fixes its payload in one go.
        assertThat(invalid(completed(id, "delete", List.of("nudity"), null, null).toString()))
                .contains("decision").contains("nudity").contains("reviewer");
    }

    /** An async moderation with a callback URL, completed with its review requested. */
    private UUID asyncReviewed() throws Exception {
        ModerationRequest request = desk.request(Desk.INSULT, Desk.REVIEWED).mode(ModerationRequest.ModeEnum.ASYNC)
                .callbackUrl(CallerReceiver.url());
        UUID id = WardenApi.moderations().createModeration(request, null).getId();
        await().atMost(WAIT).until(() -> WardenApi.moderations().getModeration(id).getReview() != null);
        return id;
    }

    static ObjectNode completed(UUID moderationId, String decision, List<String> categories, String reviewer,
            String note) {
        ObjectNode body = JSON.createObjectNode().put("type", "review.completed")
                .put("timestamp", Instant.now().toString());
        ObjectNode data = body.putObject("data").put("moderationId", moderationId.toString()).put("decision", decision);
        categories.forEach(data.putArray("categories")::add);
        Optional.ofNullable(reviewer).ifPresent(value -> data.put("reviewer", value));
        Optional.ofNullable(note).ifPresent(value -> data.put("note", value));
        return body;
    }

    private EventOutcome handle(InboxEvent event) {
        return handler.handle(event).await().atMost(WAIT);
    }

    private String refusal(ObjectNode body) {
        EventOutcome outcome = handle(event(body));
        assertThat(outcome).isInstanceOf(EventOutcome.Refused.class);
        return ((EventOutcome.Refused) outcome).reason();
    }

    private String invalid(String body) {
        EventOutcome outcome = handle(event(body));
        assertThat(outcome).isInstanceOf(EventOutcome.Invalid.class);
        return ((EventOutcome.Invalid) outcome).reason();
    }

    private static InboxEvent event(ObjectNode body) {
        return event(body.toString());
    }

    private static InboxEvent event(String body) {
        return new InboxEvent(UUID.randomUUID(), Desk.ID, "msg_" + UUID.randomUUID(), Optional.of("review.completed"),
                body, Instant.now(), 1);
    }
}
