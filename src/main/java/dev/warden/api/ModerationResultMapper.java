package dev.warden.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.warden.api.generated.model.Action;
import dev.warden.api.generated.model.CategoryResult;
import dev.warden.api.generated.model.LateAnswer;
import dev.warden.api.generated.model.ModerationResult;
import dev.warden.api.generated.model.ModerationReview;
import dev.warden.api.generated.model.ProviderError;
import dev.warden.api.generated.model.ProviderOutcome;
import dev.warden.moderation.Decision;
import dev.warden.moderation.Moderation;
import dev.warden.moderation.ModerationStatus;
import dev.warden.moderation.ProviderResult;
import dev.warden.moderation.Review;
import dev.warden.spi.Category;

/**
 * Renders a moderation in the contract's shape. The decision, {@code flagged}, {@code categories} and
 * {@code degraded} exist only once it is completed; a failed one says why. The content is never rendered.
 */
final class ModerationResultMapper {

    static ModerationResult toApi(Moderation moderation) {
        Map<String, CategoryResult> categories = new LinkedHashMap<>();
        moderation.categories().forEach((category, verdict) -> categories.put(category.wireName(),
                new CategoryResult().score(verdict.score()).flagged(verdict.flagged())
                        .action(action(verdict.action())).providers(verdict.providers())));
        boolean completed = moderation.status() == ModerationStatus.COMPLETED;
        return new ModerationResult()
                .id(moderation.id())
                .status(ModerationResult.StatusEnum.fromValue(moderation.status().wireName()))
                .decision(moderation.finalDecision().map(ModerationResultMapper::action).orElse(null))
                .decidedBy(moderation.decidedBy()
                        .map(by -> ModerationResult.DecidedByEnum.fromValue(by.wireName())).orElse(null))
                .automatedDecision(moderation.decision().map(ModerationResultMapper::action).orElse(null))
                .flagged(moderation.finalDecision().map(decision -> decision != Decision.ALLOW).orElse(null))
                .review(moderation.review().map(ModerationResultMapper::toApi).orElse(null))
                .categories(completed ? categories : null)
                .providers(moderation.providers().stream().map(ModerationResultMapper::toApi).toList())
                .degraded(completed ? moderation.degraded() : null)
                .failureReason(moderation.failureReason().orElse(null))
                .policy(moderation.policy())
                .taxonomyVersion(Category.TAXONOMY_VERSION)
                .createdAt(timestamp(moderation.createdAt()))
                .completedAt(timestamp(moderation.completedAt()));
    }

    private static ProviderOutcome toApi(ProviderResult result) {
        ProviderOutcome outcome = new ProviderOutcome()
                .provider(result.provider())
                .outcome(ProviderOutcome.OutcomeEnum.fromValue(result.outcome().wireName()))
                .latencyMs(result.latencyMs())
                .attempts(result.attempts())
                .scores(wireNames(result.scores()))
                .rawScores(result.rawScores().isEmpty() ? null : wireNames(result.rawScores()))
                .vendorScores(new LinkedHashMap<>(result.vendorScores()))
                .model(result.model())
                .reason(result.reason().orElse(null));
        result.failure().ifPresent(failure -> outcome.error(error(failure)));
        result.late().ifPresent(late -> outcome.lateAnswer(new LateAnswer()
                .receivedAt(timestamp(late.receivedAt()))
                .outcome(LateAnswer.OutcomeEnum.fromValue(late.outcome().wireName()))
                .scores(wireNames(late.scores()))
                .vendorScores(new LinkedHashMap<>(late.vendorScores()))
                .model(late.model())
                .error(late.failure().map(ModerationResultMapper::error).orElse(null))));
        return outcome;
    }

    private static ProviderError error(ProviderResult.Failure failure) {
        return new ProviderError()
                .kind(ProviderError.KindEnum.fromValue(failure.kind().name()))
                .message(failure.message())
                .retryAfterMs(failure.retryAfterMs());
    }

    private static Map<String, Double> wireNames(Map<Category, Double> scores) {
        Map<String, Double> named = new LinkedHashMap<>();
        scores.forEach((category, score) -> named.put(category.wireName(), score));
        return named;
    }

    private static ModerationReview toApi(Review review) {
        return new ModerationReview()
                .partner(review.partner())
                .status(ModerationReview.StatusEnum.fromValue(review.status().wireName()))
                .decision(review.decision().map(ModerationResultMapper::action).orElse(null))
                .categories(review.status() == Review.Status.COMPLETED
                        ? review.categories().stream().map(Category::wireName).toList()
                        : null)
                .reviewer(review.reviewer().orElse(null))
                .note(review.note().orElse(null))
                .requestedAt(timestamp(review.requestedAt()))
                .completedAt(review.completedAt().map(ModerationResultMapper::timestamp).orElse(null));
    }

    private static Action action(Decision decision) {
        return Action.fromValue(decision.wireName());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private ModerationResultMapper() {
    }
}
