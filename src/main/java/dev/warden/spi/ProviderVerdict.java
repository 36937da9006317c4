package dev.warden.spi;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's answer: normalized scores per taxonomy category (0..1), the vendor's own labels and scores as the
 * vendor sent them (finite numbers, so that they can be stored as JSON), and the model that produced them. Or, from
 * an adapter whose {@link Capabilities#async()} is set and that was given a callback URL, {@link #pending(String)}:
 * the vendor accepted the job and will post its answer to that URL; such a verdict has no scores.
 */
public record ProviderVerdict(Map<Category, Double> scores, Map<String, Double> vendorScores, String model,
        Optional<Pending> pending) {

    /** The vendor accepted the job {@code vendorJobId} and answers later, through the callback URL it was given. */
    public record Pending(String vendorJobId) {

        public Pending {
            Objects.requireNonNull(vendorJobId, "a pending verdict names the vendor's job");
        }
    }

    public ProviderVerdict {
        scores.forEach((category, score) -> {
            if (score == null || score.isNaN() || score < 0.0 || score > 1.0) {
                throw new IllegalArgumentException("score for " + category.wireName() + " outside 0..1: " + score);
            }
        });
        vendorScores.forEach((label, score) -> {
            if (score == null || !Double.isFinite(score)) {
                throw new IllegalArgumentException("vendor score for " + label + " is not a finite number: " + score);
            }
        });
        scores = scores.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(scores));
        vendorScores = Map.copyOf(new LinkedHashMap<>(vendorScores));
        if (pending.isPresent() && !(scores.isEmpty() && vendorScores.isEmpty())) {
            throw new IllegalArgumentException("a pending verdict has no scores yet");
        }
    }

    /** An answer with scores. */
    public ProviderVerdict(Map<Category, Double> scores, Map<String, Double> vendorScores, String model) {
        this(scores, vendorScores, model, Optional.empty());
    }

    /** The vendor accepted the job and will call back. */
    public static ProviderVerdict pending(String vendorJobId) {
        return new ProviderVerdict(Map.of(), Map.of(), null, Optional.of(new Pending(vendorJobId)));
    }

    public boolean isPending() {
        return pending.isPresent();
    }
}
