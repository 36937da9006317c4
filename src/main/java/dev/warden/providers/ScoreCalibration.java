package dev.warden.providers;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import dev.warden.spi.Category;
import dev.warden.spi.ProviderSettings;

/**
 * One provider's calibrations, from {@code warden.providers.<id>.calibration.<category>}: the core reads these keys
 * before the adapter sees its settings, and applies them to the provider's scores as they arrive, before any
 * aggregation or threshold. A category without a calibration keeps its score.
 */
public record ScoreCalibration(Map<Category, Calibration> curves) {

    static final String PREFIX = "calibration";
    public static final ScoreCalibration NONE = new ScoreCalibration(Map.of());

    public ScoreCalibration {
        curves = Map.copyOf(curves);
    }

    static ScoreCalibration read(ProviderSettings settings) {
        Map<Category, Calibration> curves = new EnumMap<>(Category.class);
        for (String name : settings.children(PREFIX)) {
            String key = PREFIX + "." + name;
            Category category = Category.fromWireName(name).orElseThrow(() -> settings.invalid(key,
                    "names no category of the taxonomy; known: "
                            + Arrays.stream(Category.values()).map(Category::wireName).toList()));
            curves.put(category, Calibration.parse("warden.providers." + settings.providerId() + "." + key,
                    settings.require(key)));
        }
        return new ScoreCalibration(curves);
    }

    /** Whether any of these scores would change category: then the raw scores are worth showing beside them. */
    public boolean appliesTo(Map<Category, Double> scores) {
        return scores.keySet().stream().anyMatch(curves::containsKey);
    }

    public Map<Category, Double> apply(Map<Category, Double> scores) {
        Map<Category, Double> calibrated = new EnumMap<>(Category.class);
        scores.forEach((category, score) -> calibrated.put(category,
                curves.containsKey(category) ? curves.get(category).apply(score) : score));
        return calibrated;
    }
}
