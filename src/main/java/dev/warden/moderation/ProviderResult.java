package dev.warden.moderation;

import java.util.Map;
import java.util.Optional;

import dev.warden.spi.Category;

/**
 * One provider's part of a moderation: its outcome, its normalized and native scores, or why it has none:
 * {@code failure} when it was called and failed, {@code reason} when it was not called (or called off).
 */
public record ProviderResult(String provider, Outcome outcome, long latencyMs, int attempts,
        Map<Category, Double> scores, Map<String, Double> vendorScores, String model, Optional<Failure> failure,
        Optional<String> reason) {

    public ProviderResult {
        scores = Map.copyOf(scores);
        vendorScores = Map.copyOf(vendorScores);
    }

    public static ProviderResult skipped(String provider, String reason) {
        return new ProviderResult(provider, Outcome.SKIPPED, 0, 0, Map.of(), Map.of(), null, Optional.empty(),
                Optional.of(reason));
    }

    /** A provider of a pending moderation whose result has not arrived yet. */
    public static ProviderResult pending(String provider) {
        return new ProviderResult(provider, Outcome.PENDING, 0, 0, Map.of(), Map.of(), null, Optional.empty(),
                Optional.empty());
    }

    /** A provider of a moderation that failed before this provider's result arrived: it never will. */
    public static ProviderResult neverAnswered(String provider) {
        return skipped(provider, "no result: the moderation failed before this provider answered");
    }

    /** A provider that gave no result because Warden itself failed; the message says where to look. */
    public static ProviderResult failed(String provider, String message) {
        return new ProviderResult(provider, Outcome.ERROR, 0, 0, Map.of(), Map.of(), null,
                Optional.of(new Failure(FailureKind.UNAVAILABLE, message, null)), Optional.empty());
    }

    /** Why a provider gave no scores. {@code retryAfterMs} is what a throttling vendor asked for, if it did. */
    public record Failure(FailureKind kind, String message, Long retryAfterMs) {
    }
}
