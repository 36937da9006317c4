package dev.warden.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.warden.spi.Category;

/**
 * A stored moderation in its current state: for a completed one, the decision, how it was reached and every
 * provider's part in it; for a pending one, the results that arrived so far (the others {@code pending}); for a
 * failed one, why it failed. {@code decision} (the policy's, automated) and {@code categories} exist only once
 * completed; {@code completedAt} is when the work ended, completed or failed. {@code review}: its human review, when
 * the policy sent it to a desk; once completed, the reviewer's decision is the final one ({@link #finalDecision()}).
 */
public record Moderation(UUID id, String policy, ModerationStatus status, Optional<Decision> decision,
        Map<Category, CategoryVerdict> categories, List<ProviderResult> providers, boolean degraded, Instant createdAt,
        Instant completedAt, Optional<String> failureReason, Optional<Review> review) {

    public Moderation {
        categories = Map.copyOf(categories);
        providers = List.copyOf(providers);
    }

    /** A moderation no desk reviews (yet). */
    public Moderation(UUID id, String policy, ModerationStatus status, Optional<Decision> decision,
            Map<Category, CategoryVerdict> categories, List<ProviderResult> providers, boolean degraded,
            Instant createdAt, Instant completedAt, Optional<String> failureReason) {
        this(id, policy, status, decision, categories, providers, degraded, createdAt, completedAt, failureReason,
                Optional.empty());
    }

    /** The decision that stands: the reviewer's once a review completed, otherwise the policy's. */
    public Optional<Decision> finalDecision() {
        return completedReview().flatMap(Review::decision).or(this::decision);
    }

    /** Who made the decision that stands, when there is one. */
    public Optional<DecidedBy> decidedBy() {
        return completedReview().isPresent() ? Optional.of(DecidedBy.REVIEW)
                : decision.map(automated -> DecidedBy.POLICY);
    }

    Moderation withReview(Review newReview) {
        return new Moderation(id, policy, status, decision, categories, providers, degraded, createdAt, completedAt,
                failureReason, Optional.of(newReview));
    }

    private Optional<Review> completedReview() {
        return review.filter(held -> held.status() == Review.Status.COMPLETED);
    }

    /** Who decided: the policy from the providers' scores, or a human at a review desk. */
    public enum DecidedBy {
        POLICY,
        REVIEW;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Moderation completed(UUID id, String policy, Decision decision, Map<Category, CategoryVerdict> categories,
            List<ProviderResult> providers, boolean degraded, Instant createdAt, Instant completedAt) {
        return new Moderation(id, policy, ModerationStatus.COMPLETED, Optional.of(decision), categories, providers,
                degraded, createdAt, completedAt, Optional.empty());
    }

    /** Just accepted: every planned provider still to be asked. */
    static Moderation pending(UUID id, String policy, List<String> providers, Instant createdAt) {
        return new Moderation(id, policy, ModerationStatus.PENDING, Optional.empty(), Map.of(),
                providers.stream().map(ProviderResult::pending).toList(), false, createdAt, null, Optional.empty());
    }

    /** Still pending after its job: some vendor accepted a job and answers by callback; the others answered. */
    static Moderation awaitingCallbacks(UUID id, String policy, List<ProviderResult> providers, Instant createdAt) {
        return new Moderation(id, policy, ModerationStatus.PENDING, Optional.empty(), Map.of(), providers, false,
                createdAt, null, Optional.empty());
    }

    /** This pending moderation, failed at {@code endedAt}: what arrived stays, the rest never will. */
    Moderation failed(String reason, Instant endedAt) {
        List<ProviderResult> ended = providers.stream().map(result -> result.outcome() == Outcome.PENDING
                ? ProviderResult.neverAnswered(result.provider()) : result).toList();
        return new Moderation(id, policy, ModerationStatus.FAILED, Optional.empty(), Map.of(), ended, false,
                createdAt, endedAt, Optional.of(reason));
    }
}
