package dev.warden.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.ProviderOutcomeEntity;
import dev.warden.persistence.ReviewEntity;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ContentPart;

/** Translates a moderation to the rows that keep it, and back, so a read returns exactly what was answered. */
final class ModerationRecords {

    private static final String TEXT = "text";
    private static final String IMAGE = "image";

    /**
     * The row of a moderation: every stored provider result at its position (a pending provider has no row yet). An
     * async one also keeps its mode, callback URL, planned providers and, while pending, its content.
     */
    static ModerationEntity toEntity(Moderation moderation, ModerationCommand command) {
        ModerationEntity entity = new ModerationEntity();
        entity.id = moderation.id();
        entity.clientName = command.client();
        entity.idempotencyKey = command.idempotencyKey().orElse(null);
        entity.requestSha256 = command.requestSha256();
        entity.contentSha256 = command.contentSha256();
        entity.policy = moderation.policy();
        entity.context = command.context();
        entity.status = moderation.status().wireName();
        entity.decision = moderation.decision().map(Decision::wireName).orElse(null);
        entity.degraded = moderation.degraded();
        entity.categories = categories(moderation);
        entity.taxonomyVersion = Category.TAXONOMY_VERSION;
        entity.createdAt = moderation.createdAt();
        entity.completedAt = moderation.completedAt();
        entity.mode = command.mode().wireName();
        if (command.mode() == ModerationMode.ASYNC) {
            entity.callbackUrl = command.callbackUrl().orElse(null);
            entity.plannedProviders = moderation.providers().stream().map(ProviderResult::provider)
                    .toArray(String[]::new);
            if (moderation.status() == ModerationStatus.PENDING) {
                entity.content = content(command.input());
            }
        }
        entity.outcomes.addAll(outcomes(moderation, entity));
        return entity;
    }

    /** What completing a pending moderation writes: the decision and every provider's result. */
    static ModerationEntity completion(Moderation completed) {
        ModerationEntity entity = new ModerationEntity();
        entity.id = completed.id();
        entity.decision = completed.decision().map(Decision::wireName).orElseThrow();
        entity.degraded = completed.degraded();
        entity.categories = categories(completed);
        entity.completedAt = completed.completedAt();
        entity.outcomes.addAll(outcomes(completed, entity));
        return entity;
    }

    private static Map<String, ModerationEntity.StoredCategory> categories(Moderation moderation) {
        Map<String, ModerationEntity.StoredCategory> categories = new LinkedHashMap<>();
        moderation.categories().forEach((category, verdict) -> categories.put(category.wireName(),
                new ModerationEntity.StoredCategory(verdict.score(), verdict.action().wireName(),
                        verdict.providers())));
        return categories;
    }

    /** The rows of every result that arrived, each at its provider's position; pending providers have none. */
    private static List<ProviderOutcomeEntity> outcomes(Moderation moderation, ModerationEntity parent) {
        List<ProviderOutcomeEntity> outcomes = new ArrayList<>();
        List<ProviderResult> providers = moderation.providers();
        for (int position = 0; position < providers.size(); position++) {
            if (providers.get(position).outcome() != Outcome.PENDING) {
                outcomes.add(toEntity(providers.get(position), position, parent));
            }
        }
        return outcomes;
    }

    static ProviderOutcomeEntity toEntity(ProviderResult result, int position, ModerationEntity parent) {
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
        entity.rawScores = result.rawScores().isEmpty() ? null : wireNames(result.rawScores());
        entity.model = result.model();
        entity.reason = result.reason().orElse(null);
        result.failure().ifPresent(failure -> {
            entity.errorKind = failure.kind().name();
            entity.errorMessage = failure.message();
            entity.retryAfterMs = failure.retryAfterMs();
        });
        return entity;
    }

    /** The moderation with its review, when one was requested ({@code review} null: none). */
    static Moderation fromEntity(ModerationEntity entity, ReviewEntity review) {
        Moderation moderation = fromEntity(entity);
        return review == null ? moderation : moderation.withReview(review(review));
    }

    private static Review review(ReviewEntity entity) {
        List<Category> categories = entity.categories == null ? List.of()
                : Arrays.stream(entity.categories).map(ModerationRecords::category).toList();
        return new Review(entity.partner, Review.Status.fromWireName(entity.status),
                Optional.ofNullable(entity.decision).map(Decision::fromWireName), categories,
                Optional.ofNullable(entity.reviewer), Optional.ofNullable(entity.note), entity.requestedAt,
                Optional.ofNullable(entity.completedAt));
    }

    static Moderation fromEntity(ModerationEntity entity) {
        Map<Category, CategoryVerdict> categories = new EnumMap<>(Category.class);
        entity.categories.forEach((name, stored) -> categories.put(category(name),
                new CategoryVerdict(stored.score(), Decision.fromWireName(stored.action()), stored.providers())));
        ModerationStatus status = ModerationStatus.fromWireName(entity.status);
        return new Moderation(entity.id, entity.policy, status,
                Optional.ofNullable(entity.decision).map(Decision::fromWireName), categories, providers(entity, status),
                entity.degraded, entity.createdAt, entity.completedAt, Optional.ofNullable(entity.failureReason));
    }

    /**
     * The stored results; for an async moderation, one per planned provider in policy order, with those that have
     * no result yet (or wait for a vendor's callback) shown {@code pending} (or, once it failed, never answered).
     */
    private static List<ProviderResult> providers(ModerationEntity entity, ModerationStatus status) {
        if (entity.plannedProviders == null) {
            return entity.outcomes.stream().map(ModerationRecords::fromEntity).toList();
        }
        Map<Integer, ProviderResult> arrived = arrived(entity);
        List<ProviderResult> providers = new ArrayList<>();
        for (int position = 0; position < entity.plannedProviders.length; position++) {
            String provider = entity.plannedProviders[position];
            ProviderResult result = arrived.getOrDefault(position, ProviderResult.pending(provider));
            // A vendor that was to call back, of a moderation that failed meanwhile, never will.
            providers.add(status == ModerationStatus.FAILED && result.outcome() == Outcome.PENDING
                    ? ProviderResult.neverAnswered(provider) : result);
        }
        return providers;
    }

    /** The results stored so far, by position. */
    static Map<Integer, ProviderResult> arrived(ModerationEntity entity) {
        Map<Integer, ProviderResult> arrived = new HashMap<>();
        entity.outcomes.forEach(outcome -> arrived.put(outcome.position, fromEntity(outcome)));
        return arrived;
    }

    private static ProviderResult fromEntity(ProviderOutcomeEntity entity) {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        entity.scores.forEach((name, score) -> scores.put(category(name), score));
        Optional<ProviderResult.Failure> failure = Optional.ofNullable(entity.errorKind)
                .map(kind -> new ProviderResult.Failure(FailureKind.valueOf(kind), entity.errorMessage,
                        entity.retryAfterMs));
        return new ProviderResult(entity.provider, Outcome.fromWireName(entity.outcome), entity.latencyMs,
                entity.attempts, scores, entity.vendorScores, entity.model, failure, Optional.ofNullable(entity.reason),
                Optional.ofNullable(entity.lateAnswer).map(ModerationRecords::late),
                entity.rawScores == null ? Map.of() : categories(entity.rawScores));
    }

    private static Map<String, Double> wireNames(Map<Category, Double> scores) {
        Map<String, Double> named = new LinkedHashMap<>();
        scores.forEach((category, score) -> named.put(category.wireName(), score));
        return named;
    }

    private static Map<Category, Double> categories(Map<String, Double> scores) {
        Map<Category, Double> byCategory = new EnumMap<>(Category.class);
        scores.forEach((name, score) -> byCategory.put(category(name), score));
        return byCategory;
    }

    private static ProviderResult.LateAnswer late(ProviderOutcomeEntity.StoredLateAnswer stored) {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        stored.scores().forEach((name, score) -> scores.put(category(name), score));
        return new ProviderResult.LateAnswer(Instant.parse(stored.receivedAt()), Outcome.fromWireName(stored.outcome()),
                scores, stored.vendorScores(), stored.model(), Optional.ofNullable(stored.errorKind())
                        .map(kind -> new ProviderResult.Failure(FailureKind.valueOf(kind), stored.errorMessage(),
                                null)));
    }

    /** The column a late answer is stored in. */
    static ProviderOutcomeEntity.StoredLateAnswer toStored(ProviderResult.LateAnswer late) {
        Map<String, Double> scores = new LinkedHashMap<>();
        late.scores().forEach((category, score) -> scores.put(category.wireName(), score));
        return new ProviderOutcomeEntity.StoredLateAnswer(late.receivedAt().toString(), late.outcome().wireName(),
                scores, new LinkedHashMap<>(late.vendorScores()), late.model(),
                late.failure().map(failure -> failure.kind().name()).orElse(null),
                late.failure().map(ProviderResult.Failure::message).orElse(null));
    }

    /** The content a pending moderation kept for its job. */
    static ClassificationInput input(ModerationEntity.StoredContent content) {
        return new ClassificationInput(content.parts().stream().map(ModerationRecords::part).toList());
    }

    /** The content as a pending moderation or a review request keeps it. */
    static ModerationEntity.StoredContent content(ClassificationInput input) {
        return new ModerationEntity.StoredContent(input.parts().stream().map(ModerationRecords::stored).toList());
    }

    private static ModerationEntity.StoredPart stored(ContentPart part) {
        return part instanceof ContentPart.Text text ? new ModerationEntity.StoredPart(TEXT, text.text(), null)
                : new ModerationEntity.StoredPart(IMAGE, null, ((ContentPart.Image) part).url());
    }

    private static ContentPart part(ModerationEntity.StoredPart stored) {
        return switch (stored.type()) {
            case TEXT -> new ContentPart.Text(stored.text());
            case IMAGE -> new ContentPart.Image(stored.url());
            default -> throw new IllegalStateException("stored content part of unknown type " + stored.type());
        };
    }

    private static Category category(String wireName) {
        return Category.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("stored category not in taxonomy: " + wireName));
    }

    private ModerationRecords() {
    }
}
