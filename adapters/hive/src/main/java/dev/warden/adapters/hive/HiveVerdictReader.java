package dev.warden.adapters.hive;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.Category;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.support.Crosswalk;
import dev.warden.spi.support.Scale;
import dev.warden.spi.support.StrictJson;

/**
 * Reads a completed Hive task (the sync answer, or the body Hive posts to the callback URL) into a verdict. Every
 * frame of {@code output[]} (one for text and images, one per sampled frame for video) is read, and each class keeps
 * its worst score. A text head that answers {@code -1} did not evaluate the content: it stays in the vendor scores
 * and feeds no category. A text answer whose language Hive does not support evaluated nothing.
 */
final class HiveVerdictReader {

    static final String VENDOR = "Hive";
    /** The model name when the task does not say which model answered (text projects do not). */
    static final String DEFAULT_MODEL = "hive";

    private static final String UNSUPPORTED_LANGUAGE = "UNSUPPORTED";
    private static final String PROFANITY = "profanity";

    private final Crosswalk text;
    private final Crosswalk visual;

    HiveVerdictReader(Crosswalk text, Crosswalk visual) {
        this.text = text;
        this.visual = visual;
    }

    ProviderVerdict read(JsonNode task, HiveProject project) {
        HiveTaskFailure.requireSuccess(task);
        JsonNode statuses = task.path("status");
        if (!statuses.isArray() || statuses.isEmpty()) {
            throw StrictJson.invalid(VENDOR, "a task without status");
        }
        Map<String, Double> vendorScores = new LinkedHashMap<>();
        Map<String, Double> evaluated = new LinkedHashMap<>();
        for (JsonNode status : statuses) {
            JsonNode response = status.path("response");
            if (!response.isObject()) {
                throw StrictJson.invalid(VENDOR, "a task status without a response");
            }
            boolean languageSupported = !UNSUPPORTED_LANGUAGE.equals(response.path("language").asText());
            Map<String, Double> unit = new LinkedHashMap<>();
            readClasses(response, project, vendorScores, unit);
            if (project == HiveProject.TEXT) {
                readFilters(response, vendorScores, unit);
            }
            if (languageSupported) {
                unit.forEach((label, score) -> evaluated.merge(label, score, Math::max));
            }
        }
        Crosswalk crosswalk = project == HiveProject.TEXT ? text : visual;
        Map<Category, Double> scores = crosswalk.toTaxonomy(evaluated);
        return new ProviderVerdict(scores, vendorScores, model(statuses.get(0)));
    }

    private static void readClasses(JsonNode response, HiveProject project, Map<String, Double> vendorScores,
            Map<String, Double> unit) {
        JsonNode output = response.path("output");
        if (!output.isArray()) {
            throw StrictJson.invalid(VENDOR, "a task response without output");
        }
        Scale scale = project == HiveProject.TEXT ? HiveCrosswalk.TEXT_SCALE : HiveCrosswalk.VISUAL_SCALE;
        for (JsonNode frame : output) {
            for (JsonNode entry : frame.path("classes")) {
                JsonNode label = entry.path("class");
                if (!label.isTextual() || label.asText().isBlank()) {
                    throw StrictJson.invalid(VENDOR, "a class without a name");
                }
                String name = label.asText();
                double raw = StrictJson.number(entry.path("score"), name, VENDOR);
                vendorScores.merge(name, raw, Math::max);
                OptionalDouble score = scale.toUnit(raw, name, VENDOR);
                if (score.isPresent()) {
                    unit.merge(name, score.getAsDouble(), Math::max);
                }
            }
        }
    }

    /** The pattern filters ran when their arrays are present: found is 1, looked and found nothing is 0. */
    private static void readFilters(JsonNode response, Map<String, Double> vendorScores, Map<String, Double> unit) {
        JsonNode filters = response.path("text_filters");
        if (filters.isArray()) {
            boolean profane = false;
            for (JsonNode filter : filters) {
                profane |= PROFANITY.equals(filter.path("type").asText());
            }
            put(HiveCrosswalk.PROFANITY_FILTER, profane, vendorScores, unit);
        }
        JsonNode pii = response.path("pii_entities");
        if (pii.isArray()) {
            put(HiveCrosswalk.PII_ENTITIES, !pii.isEmpty(), vendorScores, unit);
        }
    }

    private static void put(String label, boolean found, Map<String, Double> vendorScores, Map<String, Double> unit) {
        double score = found ? 1.0 : 0.0;
        vendorScores.merge(label, score, Math::max);
        unit.merge(label, score, Math::max);
    }

    private static String model(JsonNode status) {
        JsonNode model = status.path("response").path("input").path("model");
        return model.isTextual() && !model.asText().isBlank() ? model.asText() : DEFAULT_MODEL;
    }
}
