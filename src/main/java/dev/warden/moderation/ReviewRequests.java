package dev.warden.moderation;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.QueuedWork;

/**
 * The review request a decided moderation calls for: when its decision is {@code review} and its policy names a
 * {@code review-partner}, an outbox row of kind {@code review-request} for that desk, whose payload is the event to
 * send, {@code review.requested}. Its data carries what a reviewer needs: the moderation's id, policy, automated
 * decision and categories with scores, the content (a sync moderation keeps none, so it travels in the row until
 * delivered) and the caller's context.
 */
@ApplicationScoped
public class ReviewRequests {

    public static final String REVIEW_REQUESTED = "review.requested";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The moderation with its review requested, and the row that requests it. */
    record Requested(Moderation moderation, QueuedWork work) {
    }

    Optional<Requested> of(Moderation decided, PoliciesConfig.Policy policy, ModerationEntity.StoredContent content,
            Map<String, String> context) {
        if (decided.decision().filter(decision -> decision == Decision.REVIEW).isEmpty()
                || policy.reviewPartner().isEmpty()) {
            return Optional.empty();
        }
        String desk = policy.reviewPartner().get();
        Moderation requested = decided.withReview(Review.requested(desk, decided.completedAt()));
        return Optional.of(new Requested(requested, new QueuedWork(UUID.randomUUID(),
                QueuedWork.REVIEW_REQUEST_KIND, desk,
                CallbackEvents.text(payload(desk, requested, content, context)))));
    }

    private static ObjectNode payload(String desk, Moderation requested, ModerationEntity.StoredContent content,
            Map<String, String> context) {
        ObjectNode payload = JSON.createObjectNode().put("partner", desk);
        ObjectNode data = payload.putObject("event")
                .put("type", REVIEW_REQUESTED)
                .put("timestamp", requested.completedAt().toString())
                .putObject("data");
        data.put("moderationId", requested.id().toString())
                .put("policy", requested.policy())
                .put("decision", requested.decision().orElseThrow().wireName());
        ObjectNode categories = data.putObject("categories");
        requested.categories().forEach((category, verdict) -> categories.putObject(category.wireName())
                .put("score", verdict.score())
                .put("action", verdict.action().wireName()));
        data.set("content", JSON.valueToTree(content.parts()));
        data.set("context", JSON.valueToTree(context == null ? Map.of() : context));
        return payload;
    }
}
