package dev.warden.reports.triggers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a report built by policy knows about its moderation: the categories it is filed for (highest score first),
 * the content's parts as types and image URLs (never text), when the content was moderated and decided, and the
 * caller's context ({@code userId} names the reported account).
 */
record TriggerFacts(UUID moderationId, Trigger trigger, List<String> categories, List<Part> parts,
        Instant createdAt, Instant decidedAt, Map<String, String> context) {

    TriggerFacts {
        categories = List.copyOf(categories);
        parts = List.copyOf(parts);
        context = Map.copyOf(context);
    }

    /** A decision by the policy, or a reviewer's block. */
    enum Trigger {
        DECISION,
        REVIEW
    }

    /** One content part: {@code text} or {@code image}, with the image's URL. */
    record Part(String type, Optional<String> url) {
    }
}
