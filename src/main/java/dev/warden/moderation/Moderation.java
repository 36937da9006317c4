package dev.warden.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.warden.spi.Category;

/** A completed moderation: the decision, how it was reached, and every provider's part in it. */
public record Moderation(UUID id, String policy, Decision decision, Map<Category, CategoryVerdict> categories,
        List<ProviderResult> providers, boolean degraded, Instant createdAt, Instant completedAt) {

    public Moderation {
        categories = Map.copyOf(categories);
        providers = List.copyOf(providers);
    }
}
