package dev.warden.moderation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.ProviderOutcomeEntity;
import dev.warden.spi.Category;

/** Translates a moderation to the rows that keep it, and back, so a read returns exactly what was answered. */
final class ModerationRecords {

    static final String COMPLETED = "completed";

    static ModerationEntity toEntity(Moderation moderation, ModerationCommand command) {
        ModerationEntity entity = new ModerationEntity();
        entity.id = moderation.id();
        entity.clientName = command.client();
        entity.idempotencyKey = command.idempotencyKey().orElse(null);
        entity.requestSha256 = command.requestSha256();
        entity.contentSha256 = command.contentSha256();
        entity.policy = moderation.policy();
        entity.context = command.context();
        entity.status = COMPLETED;
        entity.decision = moderation.decision().wireName();
        entity.degraded = moderation.degraded();
        entity.categories = new LinkedHashMap<>();
        moderation.categories().forEach((category, verdict) -> entity.categories.put(category.wireName(),
                new ModerationEntity.StoredCategory(verdict.score(), verdict.action().wireName(),
                        verdict.providers())));
        entity.taxonomyVersion = Category.TAXONOMY_VERSION;
        entity.createdAt = moderation.createdAt();
        entity.completedAt = moderation.completedAt();
        List<ProviderResult> providers = moderation.providers();
        for (int position = 0; position < providers.size(); position++) {
            entity.outcomes.add(toEntity(providers.get(position), position, entity));
        }
        return entity;
    }

    private static ProviderOutcomeEntity toEntity(ProviderResult result, int position, ModerationEntity parent) {
        ProviderOutcomeEntity entity = new ProviderOutcomeEntity();
        entity.id = UUID.randomUUID();
        entity.moderation = parent;
        entity.position = position;
        entity.provider = result.provider();
        entity.outcome = result.outcome().wireName();
        entity.latencyMs = result.latencyMs();
        entity.attempts = result.attempts();
        entity.scores = new LinkedHashMap<>();
        result.scores().forEach((category, score) -> entity.scores.put(category.wireName(), score));
        entity.vendorScores = new LinkedHashMap<>(result.vendorScores());
        entity.model = result.model();
        entity.reason = result.reason().orElse(null);
        result.failure().ifPresent(failure -> {
            entity.errorKind = failure.kind().name();
            entity.errorMessage = failure.message();
            entity.retryAfterMs = failure.retryAfterMs();
        });
        return entity;
    }

    static Moderation fromEntity(ModerationEntity entity) {
        Map<Category, CategoryVerdict> categories = new EnumMap<>(Category.class);
        entity.categories.forEach((name, stored) -> categories.put(category(name),
                new CategoryVerdict(stored.score(), Decision.fromWireName(stored.action()), stored.providers())));
        List<ProviderResult> providers = entity.outcomes.stream().map(ModerationRecords::fromEntity).toList();
        return new Moderation(entity.id, entity.policy, Decision.fromWireName(entity.decision), categories, providers,
                entity.degraded, entity.createdAt, entity.completedAt);
    }

    private static ProviderResult fromEntity(ProviderOutcomeEntity entity) {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        entity.scores.forEach((name, score) -> scores.put(category(name), score));
        Optional<ProviderResult.Failure> failure = Optional.ofNullable(entity.errorKind)
                .map(kind -> new ProviderResult.Failure(FailureKind.valueOf(kind), entity.errorMessage,
                        entity.retryAfterMs));
        return new ProviderResult(entity.provider, Outcome.fromWireName(entity.outcome), entity.latencyMs,
                entity.attempts, scores, entity.vendorScores, entity.model, failure, Optional.ofNullable(entity.reason));
    }

    private static Category category(String wireName) {
        return Category.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("stored category not in taxonomy: " + wireName));
    }

    private ModerationRecords() {
    }
}
