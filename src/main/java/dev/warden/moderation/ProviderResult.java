package dev.warden.moderation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.warden.providers.Provider;
import dev.warden.providers.ScoreCalibration;
import dev.warden.spi.Category;
import dev.warden.spi.ProviderVerdict;

/**
 * One provider's part of a moderation: its outcome, its normalized (calibrated) and native scores, or why it has none:
 * {@code failure} when it was called and failed, {@code reason} when it was not called (or called off), or, while
 * {@code pending}, which vendor job it waits for. {@code late} is what a vendor that answers by callback posted after
 * the moderation was decided without it. {@code rawScores} are the adapter's scores before the provider's
 * calibration, present (non-empty) only when a calibration changed a category it scored.
 */
public record ProviderResult(String provider, Outcome outcome, long latencyMs, int attempts,
        Map<Category, Double> scores, Map<String, Double> vendorScores, String model, Optional<Failure> failure,
        Optional<String> reason, Optional<LateAnswer> late, Map<Category, Double> rawScores) {

    public ProviderResult {
        scores = Map.copyOf(scores);
        vendorScores = Map.copyOf(vendorScores);
        rawScores = Map.copyOf(rawScores);
    }

    public ProviderResult(String provider, Outcome outcome, long latencyMs, int attempts, Map<Category, Double> scores,
            Map<String, Double> vendorScores, String model, Optional<Failure> failure, Optional<String> reason,
            Optional<LateAnswer> late) {
        this(provider, outcome, latencyMs, attempts, scores, vendorScores, model, failure, reason, late, Map.of());
    }

    public ProviderResult(String provider, Outcome outcome, long latencyMs, int attempts, Map<Category, Double> scores,
            Map<String, Double> vendorScores, String model, Optional<Failure> failure, Optional<String> reason) {
        this(provider, outcome, latencyMs, attempts, scores, vendorScores, model, failure, reason, Optional.empty());
    }

    /** The provider's verdict, its scores calibrated as the provider's configuration says. */
    public static ProviderResult answered(Provider provider, long latencyMs, int attempts, ProviderVerdict verdict) {
        ScoreCalibration calibration = provider.calibration();
        boolean calibrated = calibration.appliesTo(verdict.scores());
        return new ProviderResult(provider.id(), Outcome.OK, latencyMs, attempts,
                calibrated ? calibration.apply(verdict.scores()) : verdict.scores(), verdict.vendorScores(),
                verdict.model(), Optional.empty(), Optional.empty(), Optional.empty(),
                calibrated ? verdict.scores() : Map.of());
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

    /** The vendor accepted the job and answers by callback: the provider's outcome stays pending until then. */
    public static ProviderResult awaitingCallback(String provider, long latencyMs, int attempts, String vendorJobId) {
        return new ProviderResult(provider, Outcome.PENDING, latencyMs, attempts, Map.of(), Map.of(), null,
                Optional.empty(), Optional.of("the vendor answers by callback; vendor job " + vendorJobId));
    }

    /** Why a provider gave no scores. {@code retryAfterMs} is what a throttling vendor asked for, if it did. */
    public record Failure(FailureKind kind, String message, Long retryAfterMs) {
    }

    /**
     * What a vendor posted after the moderation was decided without it ({@code outcome} {@code ok} with scores, or
     * {@code error} with the failure it reported), and when it arrived.
     */
    public record LateAnswer(Instant receivedAt, Outcome outcome, Map<Category, Double> scores,
            Map<String, Double> vendorScores, String model, Optional<Failure> failure) {

        public LateAnswer {
            scores = Map.copyOf(scores);
            vendorScores = Map.copyOf(vendorScores);
        }
    }
}
