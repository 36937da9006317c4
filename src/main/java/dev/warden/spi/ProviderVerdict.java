package dev.warden.spi;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider's answer: normalized scores per taxonomy category (0..1), the vendor's own labels and scores as the
 * vendor sent them (finite numbers, so that they can be stored as JSON), and the model that produced them.
 */
public record ProviderVerdict(Map<Category, Double> scores, Map<String, Double> vendorScores, String model) {

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
    }
}
