package dev.warden.adapters.sightengine;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.Crosswalk;
import dev.warden.spi.support.Scale;
import dev.warden.spi.support.StrictJson;

/**
 * Reads Sightengine answers (VA§6.2, §6.3). Every answer first says {@code status}: {@code "failure"} is classified
 * like an error status (VA§6.4), anything but {@code "success"} is not an answer. Labels are dotted paths into the
 * answer; the crosswalk maps them.
 * <ul>
 * <li>Image: each model adds an object of its own, so every numeric leaf under an object is a vendor score
 * ({@code nudity.sexual_display}, {@code gore.prob}); arrays are per-region detail and skipped.</li>
 * <li>Text, ML: {@code moderation_classes.<class>}, evaluated only when {@code available} lists the class (other
 * classes depend on language and models and were not looked at).</li>
 * <li>Text, rules: each category with a {@code matches} list scores 1.0 when it matched and 0.0 when it did not
 * (evaluated, found nothing); profanity scores per match type by intensity, low ⅓, medium ⅔, high 1.</li>
 * </ul>
 */
final class SightengineVerdictReader {

    /** Top-level objects that describe the request, not the content. */
    private static final Set<String> NOT_SCORES = Set.of("status", "request", "media", "error");

    private static final String PROFANITY = "profanity";
    private static final List<String> PROFANITY_TYPES = List.of("sexual", "discriminatory", "insult",
            "inappropriate", "grawlix");
    private static final String ML_CLASSES = "moderation_classes";

    private static final Scale PROBABILITY = Scale.probability();
    private static final Scale INTENSITY = Scale.named(Map.of("low", 1.0 / 3, "medium", 2.0 / 3, "high", 1.0));

    private final Crosswalk crosswalk;

    SightengineVerdictReader(Crosswalk crosswalk) {
        this.crosswalk = crosswalk;
    }

    ProviderVerdict image(VendorResponse response, String model, ConfidentialText sent) {
        JsonNode root = success(response, sent);
        Map<String, Double> leaves = new LinkedHashMap<>();
        root.properties().forEach(entry -> {
            if (!NOT_SCORES.contains(entry.getKey()) && entry.getValue().isObject()) {
                flatten(entry.getKey(), entry.getValue(), leaves);
            }
        });
        if (leaves.isEmpty()) {
            throw invalid("an image answer without model scores");
        }
        Map<String, Double> unitScores = new LinkedHashMap<>();
        leaves.forEach((label, raw) -> {
            if (mapped(label)) {
                PROBABILITY.toUnit(raw, label, SightengineAdapter.VENDOR).ifPresent(unit -> unitScores.put(label, unit));
            }
        });
        return new ProviderVerdict(crosswalk.toTaxonomy(unitScores), leaves, model);
    }

    ProviderVerdict text(VendorResponse response, TextMode mode, String model, ConfidentialText sent) {
        JsonNode root = success(response, sent);
        Map<String, Double> vendorScores = new LinkedHashMap<>();
        Map<String, Double> unitScores = mode == TextMode.ML ? mlClasses(root, vendorScores) : ruleMatches(root);
        if (mode == TextMode.RULES) {
            vendorScores.putAll(unitScores);
        }
        return new ProviderVerdict(crosswalk.toTaxonomy(unitScores), vendorScores, model);
    }

    private static Map<String, Double> mlClasses(JsonNode root, Map<String, Double> vendorScores) {
        JsonNode classes = StrictJson.required(root, "/" + ML_CLASSES, SightengineAdapter.VENDOR);
        if (!classes.isObject()) {
            throw invalid(ML_CLASSES + " that is not an object");
        }
        JsonNode available = classes.path("available");
        if (!available.isArray()) {
            throw invalid(ML_CLASSES + " without the list of available classes");
        }
        Set<String> evaluated = new HashSet<>();
        available.forEach(name -> evaluated.add(name.asText()));
        Map<String, Double> unitScores = new LinkedHashMap<>();
        classes.properties().forEach(entry -> {
            boolean isEvaluated = evaluated.contains(entry.getKey());
            if (isEvaluated || entry.getValue().isNumber()) {
                String label = ML_CLASSES + "." + entry.getKey();
                double raw = StrictJson.number(entry.getValue(), label, SightengineAdapter.VENDOR);
                vendorScores.put(label, raw);
                if (isEvaluated) {
                    PROBABILITY.toUnit(raw, label, SightengineAdapter.VENDOR)
                            .ifPresent(unit -> unitScores.put(label, unit));
                }
            }
        });
        return unitScores;
    }

    private static Map<String, Double> ruleMatches(JsonNode root) {
        Map<String, Double> scores = new LinkedHashMap<>();
        root.properties().forEach(entry -> {
            JsonNode matches = entry.getValue().path("matches");
            if (NOT_SCORES.contains(entry.getKey()) || !matches.isArray()) {
                return;
            }
            if (PROFANITY.equals(entry.getKey())) {
                profanity(matches, scores);
            } else {
                scores.put(entry.getKey(), matches.isEmpty() ? 0.0 : 1.0);
            }
        });
        if (scores.isEmpty()) {
            throw invalid("a rules answer without any category's matches");
        }
        return scores;
    }

    private static void profanity(JsonNode matches, Map<String, Double> scores) {
        PROFANITY_TYPES.forEach(type -> scores.put(PROFANITY + "." + type, 0.0));
        for (JsonNode match : matches) {
            JsonNode type = match.path("type");
            if (!type.isTextual()) {
                throw invalid("a profanity match without a type");
            }
            String label = PROFANITY + "." + type.asText();
            JsonNode intensity = match.path("intensity");
            double unit = intensity.isTextual()
                    ? INTENSITY.toUnit(intensity.asText(), label, SightengineAdapter.VENDOR).orElse(0.0)
                    : 1.0;
            scores.merge(label, unit, Math::max);
        }
    }

    /** Nested objects become dotted labels; numbers are checked finite, whether mapped or not. */
    private static void flatten(String path, JsonNode node, Map<String, Double> leaves) {
        node.properties().forEach(entry -> {
            String label = path + "." + entry.getKey();
            if (entry.getValue().isObject()) {
                flatten(label, entry.getValue(), leaves);
            } else if (entry.getValue().isNumber()) {
                leaves.put(label, StrictJson.number(entry.getValue(), label, SightengineAdapter.VENDOR));
            }
        });
    }

    private boolean mapped(String label) {
        return !crosswalk.categories(label).isEmpty();
    }

    private static JsonNode success(VendorResponse response, ConfidentialText sent) {
        JsonNode root = StrictJson.object(response, SightengineAdapter.VENDOR);
        String status = root.path("status").asText("");
        if ("failure".equals(status)) {
            throw SightengineFailures.POLICY.classify(response.status(), SightengineFailures.error(root), sent);
        }
        if (!"success".equals(status)) {
            throw invalid("without status success");
        }
        return root;
    }

    private static ProviderException invalid(String what) {
        return StrictJson.invalid(SightengineAdapter.VENDOR, what);
    }
}
