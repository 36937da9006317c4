package dev.warden.moderation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.warden.spi.Category;

/** Per category, the highest score any provider gave, and every provider that gave exactly that score. */
class ScoreAggregator {

    record Aggregate(double score, List<String> providers) {
    }

    static Map<Category, Aggregate> aggregate(Collection<ProviderResult> results) {
        Map<Category, Double> max = new EnumMap<>(Category.class);
        results.forEach(result -> result.scores().forEach((category, score) -> max.merge(category, score, Math::max)));
        Map<Category, Aggregate> aggregates = new EnumMap<>(Category.class);
        max.forEach((category, score) -> {
            List<String> providers = new ArrayList<>();
            results.forEach(result -> {
                Double own = result.scores().get(category);
                if (own != null && own.doubleValue() == score) {
                    providers.add(result.provider());
                }
            });
            aggregates.put(category, new Aggregate(score, providers));
        });
        return aggregates;
    }

    private ScoreAggregator() {
    }
}
