package dev.warden.moderation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.warden.spi.Category;

/** What a review desk decided about a moderation ({@code review.completed}), already read and checked. */
public record HumanDecision(UUID moderationId, Decision decision, List<Category> categories,
        Optional<String> reviewer, Optional<String> note) {

    public HumanDecision {
        categories = List.copyOf(categories);
    }
}
