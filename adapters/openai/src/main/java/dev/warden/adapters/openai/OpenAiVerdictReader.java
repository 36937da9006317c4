package dev.warden.adapters.openai;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.StrictJson;

/** Reads a successful moderation answer into a verdict, refusing anything that is not a complete, sane answer. */
final class OpenAiVerdictReader {

    private static final String VENDOR = OpenAiModerationAdapter.VENDOR;

    private OpenAiVerdictReader() {
    }

    static ProviderVerdict read(VendorResponse response, String configuredModel) {
        JsonNode root = StrictJson.object(response, VENDOR);
        JsonNode results = root.path("results");
        if (!results.isArray() || results.isEmpty()) {
            throw StrictJson.invalid(VENDOR, "without results");
        }
        Map<String, Double> vendorScores = new LinkedHashMap<>();
        Set<String> evaluated = new HashSet<>();
        // One result per input item is possible; the content is one piece, so each label keeps its worst score.
        results.forEach(result -> collect(result, vendorScores, evaluated));
        Map<String, Double> evaluatedScores = new LinkedHashMap<>(vendorScores);
        evaluatedScores.keySet().retainAll(evaluated);
        return new ProviderVerdict(OpenAiCrosswalk.LABELS.toTaxonomy(evaluatedScores), vendorScores,
                model(root, configuredModel));
    }

    private static void collect(JsonNode result, Map<String, Double> vendorScores, Set<String> evaluated) {
        JsonNode categoryScores = result.path("category_scores");
        if (!categoryScores.isObject()) {
            throw StrictJson.invalid(VENDOR, "a result without category_scores");
        }
        categoryScores.properties().forEach(label -> {
            JsonNode score = label.getValue();
            // Legacy text models send null for categories they do not know (illicit, illicit/violent).
            if (score.isNull()) {
                return;
            }
            double unit = OpenAiCrosswalk.SCALE.toUnit(StrictJson.number(score, label.getKey(), VENDOR),
                    label.getKey(), VENDOR).orElseThrow();
            vendorScores.merge(label.getKey(), unit, Math::max);
            if (appliedToAnyInput(result, label.getKey())) {
                evaluated.add(label.getKey());
            }
        });
    }

    /**
     * Omni models list the input types each label looked at; an empty list (a text-only label on an image-only
     * request) comes with a score of 0 that means "not looked at", which must not pass as "looked and found
     * nothing". Models that do not send the list evaluated every label they scored.
     */
    private static boolean appliedToAnyInput(JsonNode result, String label) {
        JsonNode inputTypes = result.path("category_applied_input_types").path(label);
        return !(inputTypes.isArray() && inputTypes.isEmpty());
    }

    private static String model(JsonNode root, String configuredModel) {
        JsonNode model = root.path("model");
        return model.isTextual() && !model.asText().isBlank() ? model.asText() : configuredModel;
    }
}
