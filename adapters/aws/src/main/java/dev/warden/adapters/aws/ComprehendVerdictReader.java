package dev.warden.adapters.aws;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.Crosswalk;
import dev.warden.spi.support.StrictJson;

/**
 * Reads a DetectToxicContent answer: one result per segment sent, in order, each with an overall {@code Toxicity}
 * and per-label {@code Score}s (0..1). A text is as toxic as its worst segment, so every label keeps its highest
 * score across segments.
 */
final class ComprehendVerdictReader {

    static final String MODEL = "aws-comprehend-toxicity";

    private static final String VENDOR = AwsOperation.DETECT_TOXIC_CONTENT.vendorName();

    private final Crosswalk crosswalk;

    ComprehendVerdictReader(Crosswalk crosswalk) {
        this.crosswalk = crosswalk;
    }

    ProviderVerdict read(VendorResponse response, int segmentsSent) {
        JsonNode results = StrictJson.required(StrictJson.object(response, VENDOR), "/ResultList", VENDOR);
        if (!results.isArray() || results.size() != segmentsSent) {
            throw invalid("a ResultList of " + (results.isArray() ? results.size() : 0) + " results for "
                    + segmentsSent + " segments");
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (JsonNode result : results) {
            keepHighest(scores, AwsCrosswalk.TOXICITY, StrictJson.required(result, "/Toxicity", VENDOR));
            JsonNode labels = result.path("Labels");
            if (!labels.isMissingNode() && !labels.isArray()) {
                throw invalid("Labels that are not a list");
            }
            for (JsonNode label : labels) {
                JsonNode name = StrictJson.required(label, "/Name", VENDOR);
                if (!name.isTextual() || name.asText().isBlank()) {
                    throw invalid("a label without a name");
                }
                keepHighest(scores, name.asText(), StrictJson.required(label, "/Score", VENDOR));
            }
        }
        return new ProviderVerdict(crosswalk.toTaxonomy(scores), scores, MODEL);
    }

    private static void keepHighest(Map<String, Double> scores, String label, JsonNode value) {
        double score = AwsCrosswalk.COMPREHEND_SCALE
                .toUnit(StrictJson.number(value, label, VENDOR), label, VENDOR).orElseThrow();
        scores.merge(label, score, Math::max);
    }

    private static ProviderException invalid(String what) {
        return StrictJson.invalid(VENDOR, what);
    }
}
