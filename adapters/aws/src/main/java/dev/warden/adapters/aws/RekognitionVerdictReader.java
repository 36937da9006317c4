package dev.warden.adapters.aws;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.Crosswalk;
import dev.warden.spi.support.StrictJson;

/**
 * Reads a DetectModerationLabels answer. Labels form a three-level taxonomy: a level-2 or level-3 label names its
 * parent in {@code ParentName} and counts toward its level-1 label, so "Exposed Male Genitalia" at 97 makes
 * "Explicit" at least 0.97 even when AWS sent "Explicit" lower. Rekognition returns only labels at or above
 * {@code MinConfidence}: a label it did not return was not seen with enough confidence, which is not a score of 0,
 * so its categories stay absent.
 */
final class RekognitionVerdictReader {

    static final String MODEL = "aws-rekognition-moderation";

    /** The taxonomy has three levels; a longer chain of parents is a loop or garbage. */
    private static final int MAX_LEVELS = 3;

    private static final String VENDOR = AwsOperation.DETECT_MODERATION_LABELS.vendorName();

    /** Versions look like {@code 7.0}; anything else is not worth storing with every verdict. */
    private static final Pattern MODEL_VERSION = Pattern.compile("[0-9A-Za-z._-]{1,16}");

    private final Crosswalk crosswalk;

    RekognitionVerdictReader(Crosswalk crosswalk) {
        this.crosswalk = crosswalk;
    }

    ProviderVerdict read(VendorResponse response) {
        JsonNode body = StrictJson.object(response, VENDOR);
        JsonNode labels = StrictJson.required(body, "/ModerationLabels", VENDOR);
        if (!labels.isArray()) {
            throw invalid("ModerationLabels that are not a list");
        }
        Map<String, Double> confidences = new LinkedHashMap<>();
        Map<String, Double> unitScores = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (JsonNode label : labels) {
            String name = text(StrictJson.required(label, "/Name", VENDOR));
            if (name.isBlank()) {
                throw invalid("a label without a name");
            }
            double confidence = StrictJson.number(StrictJson.required(label, "/Confidence", VENDOR), name, VENDOR);
            double unit = AwsCrosswalk.REKOGNITION_SCALE.toUnit(confidence, name, VENDOR).orElseThrow();
            confidences.merge(name, confidence, Math::max);
            unitScores.merge(name, unit, Math::max);
            String parent = label.path("ParentName").isTextual() ? label.path("ParentName").asText() : "";
            if (!parent.isBlank()) {
                parents.put(name, parent);
            }
        }
        Map<String, Double> withTopLevels = new HashMap<>(unitScores);
        unitScores.forEach((name, unit) -> withTopLevels.merge(topLevel(name, parents), unit, Math::max));
        return new ProviderVerdict(crosswalk.toTaxonomy(withTopLevels), confidences, model(body));
    }

    /** The level-1 label above {@code name}, or the highest ancestor the answer names. */
    private static String topLevel(String name, Map<String, String> parents) {
        String current = name;
        for (int level = 0; level < MAX_LEVELS && parents.containsKey(current); level++) {
            current = parents.get(current);
        }
        return current;
    }

    private static String model(JsonNode body) {
        JsonNode version = body.path("ModerationModelVersion");
        return version.isTextual() && MODEL_VERSION.matcher(version.asText()).matches()
                ? MODEL + "-" + version.asText() : MODEL;
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw invalid("a label name that is not text");
        }
        return node.asText();
    }

    private static ProviderException invalid(String what) {
        return StrictJson.invalid(VENDOR, what);
    }
}
