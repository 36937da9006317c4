package dev.warden.partners;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import dev.warden.moderation.Decision;
import dev.warden.moderation.HumanDecision;
import dev.warden.moderation.HumanReviews;
import dev.warden.spi.Category;
import dev.warden.spi.EventOutcome;
import dev.warden.spi.InboxEvent;
import dev.warden.spi.WebhookEventHandler;

/**
 * Processes a review desk's stored events. {@code review.completed} with readable data ({@code moderationId} a UUID,
 * {@code decision} allow|review|block, {@code categories} taxonomy names, {@code reviewer}, an optional {@code note},
 * each bounded) is applied once ({@link HumanReviews}); data it cannot read is {@code invalid}; a review of an unknown
 * moderation, of one this desk was not asked to review, or of one already reviewed is refused with the reason, as is
 * any other event type.
 */
@ApplicationScoped
class ReviewCompletedHandler implements WebhookEventHandler {

    static final String REVIEW_COMPLETED = "review.completed";
    static final int MAX_REVIEWER_LENGTH = 200;
    static final int MAX_NOTE_LENGTH = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HumanReviews reviews;

    ReviewCompletedHandler(HumanReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public Uni<EventOutcome> handle(InboxEvent event) {
        JsonNode body;
        try {
            body = JSON.readTree(event.body());
        } catch (JsonProcessingException unreadable) {
            return outcome(EventOutcome.invalid("the body is not JSON"));
        }
        if (body == null || !body.isObject()) {
            return outcome(EventOutcome.invalid("the body is not a JSON object"));
        }
        String type = body.path("type").asText("");
        if (!REVIEW_COMPLETED.equals(type)) {
            return outcome(EventOutcome.refused("a review desk's event of type '" + type + "' is not handled; a desk"
                    + " sends " + REVIEW_COMPLETED));
        }
        List<String> problems = new ArrayList<>();
        Optional<HumanDecision> decision = read(body.path("data"), problems);
        if (decision.isEmpty()) {
            return outcome(EventOutcome.invalid("unreadable " + REVIEW_COMPLETED + " data: "
                    + String.join("; ", problems)));
        }
        HumanDecision human = decision.get();
        return reviews.apply(event.partner(), human, event.id()).map(result -> switch (result) {
            case APPLIED -> EventOutcome.applied();
            case UNKNOWN_MODERATION -> EventOutcome.refused("no moderation " + human.moderationId());
            case NOT_REQUESTED -> EventOutcome.refused("no review of moderation " + human.moderationId()
                    + " was requested from '" + event.partner() + "'");
            case ALREADY_COMPLETED -> EventOutcome.refused("the review of moderation " + human.moderationId()
                    + " was already completed; a second review is not applied");
        });
    }

    private static Optional<HumanDecision> read(JsonNode data, List<String> problems) {
        if (!data.isObject()) {
            problems.add("data must be an object");
            return Optional.empty();
        }
        UUID moderationId = uuid(data.path("moderationId"), problems);
        Decision decision = decision(data.path("decision"), problems);
        List<Category> categories = categories(data.path("categories"), problems);
        Optional<String> reviewer = text(data.path("reviewer"), "reviewer", MAX_REVIEWER_LENGTH, true, problems);
        Optional<String> note = text(data.path("note"), "note", MAX_NOTE_LENGTH, false, problems);
        return problems.isEmpty()
                ? Optional.of(new HumanDecision(moderationId, decision, categories, reviewer, note))
                : Optional.empty();
    }

    private static UUID uuid(JsonNode value, List<String> problems) {
        try {
            if (value.isTextual()) {
                return UUID.fromString(value.asText());
            }
        } catch (IllegalArgumentException notUuid) {
            // reported below
        }
        problems.add("moderationId must be the moderation's id (a UUID)");
        return null;
    }

    private static Decision decision(JsonNode value, List<String> problems) {
        Optional<Decision> decision = value.isTextual() ? Arrays.stream(Decision.values())
                .filter(known -> known.wireName().equals(value.asText())).findFirst() : Optional.empty();
        if (decision.isEmpty()) {
            problems.add("decision must be one of allow, review, block");
        }
        return decision.orElse(null);
    }

    private static List<Category> categories(JsonNode value, List<String> problems) {
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > Category.values().length) {
            problems.add("categories must be a list of at most " + Category.values().length + " taxonomy names");
            return List.of();
        }
        Set<Category> categories = new LinkedHashSet<>();
        for (JsonNode name : value) {
            Optional<Category> category = name.isTextual() ? Category.fromWireName(name.asText()) : Optional.empty();
            if (category.isEmpty()) {
                problems.add("categories: '" + abbreviated(name.asText()) + "' is not a taxonomy v1 category");
            }
            category.ifPresent(categories::add);
        }
        return List.copyOf(categories);
    }

    private static Optional<String> text(JsonNode value, String field, int maxLength, boolean required,
            List<String> problems) {
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problems.add(field + " is required");
            }
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > maxLength) {
            problems.add(field + " must be text of 1 to " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** Enough of a bad value to recognise it, not a desk's whole payload echoed into a reason. */
    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static Uni<EventOutcome> outcome(EventOutcome outcome) {
        return Uni.createFrom().item(outcome);
    }
}
