package dev.warden.adapters.httpjson;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.support.StrictJson;

/**
 * Where the configured vendor's answer holds its scores: one of three shapes, chosen by which {@code response.*}
 * setting is set.
 */
sealed interface ScoreSource permits ScoreSource.Pointers, ScoreSource.LabelsObject, ScoreSource.TextLabels {

    /** Adds each label's score as sent to {@code vendorScores} and, when evaluated, on 0..1 to {@code unit}. */
    void read(JsonNode answer, ScoreScale scale, String vendor, Map<String, Double> vendorScores,
            Map<String, Double> unit);

    /** {@code response.scores.<label>=<pointer>}: one number per label, each at its own place. */
    record Pointers(Map<String, JsonPointer> byLabel) implements ScoreSource {

        @Override
        public void read(JsonNode answer, ScoreScale scale, String vendor, Map<String, Double> vendorScores,
                Map<String, Double> unit) {
            byLabel.forEach((label, pointer) -> {
                JsonNode value = answer.at(pointer);
                if (value.isMissingNode()) {
                    throw StrictJson.invalid(vendor, "without " + pointer);
                }
                add(label, value, scale, vendor, vendorScores, unit);
            });
        }
    }

    /** {@code response.labels=<pointer>}: an object of label → score, e.g. {@code {"scores":{"toxic":0.9}}}. */
    record LabelsObject(JsonPointer pointer) implements ScoreSource {

        @Override
        public void read(JsonNode answer, ScoreScale scale, String vendor, Map<String, Double> vendorScores,
                Map<String, Double> unit) {
            JsonNode labels = answer.at(pointer);
            if (!labels.isObject()) {
                throw StrictJson.invalid(vendor, "without an object of scores at " + pointer);
            }
            labels.properties().forEach(label -> add(label.getKey(), label.getValue(), scale, vendor, vendorScores,
                    unit));
        }
    }

    /**
     * {@code response.text=<pointer>} with {@code response.text-labels=<regex>}: a generated text that names the
     * labels it found (Llama Guard: {@code unsafe\nS1,S10}). A label found scores 1; a label the crosswalk knows and
     * the text does not name scores 0, because the model looked and did not find it.
     */
    record TextLabels(JsonPointer pointer, Pattern label, Set<String> known) implements ScoreSource {

        @Override
        public void read(JsonNode answer, ScoreScale scale, String vendor, Map<String, Double> vendorScores,
                Map<String, Double> unit) {
            JsonNode text = answer.at(pointer);
            if (!text.isTextual()) {
                throw StrictJson.invalid(vendor, "without a text at " + pointer);
            }
            known.forEach(name -> {
                vendorScores.put(name, 0.0);
                unit.put(name, 0.0);
            });
            Matcher found = label.matcher(text.asText());
            while (found.find()) {
                vendorScores.put(found.group(), 1.0);
                unit.put(found.group(), 1.0);
            }
        }
    }

    private static void add(String label, JsonNode value, ScoreScale scale, String vendor,
            Map<String, Double> vendorScores, Map<String, Double> unit) {
        OptionalDouble raw = scale.raw(value, label, vendor);
        if (raw.isEmpty()) {
            return;
        }
        vendorScores.put(label, raw.getAsDouble());
        scale.toUnit(raw.getAsDouble(), label, vendor).ifPresent(score -> unit.put(label, score));
    }
}
