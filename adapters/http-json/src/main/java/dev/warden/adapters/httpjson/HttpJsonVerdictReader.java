package dev.warden.adapters.httpjson;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.Crosswalk;
import dev.warden.spi.support.StrictJson;

/** Reads a 2xx answer of the configured vendor into a verdict: scores from their source, on 0..1, onto categories. */
record HttpJsonVerdictReader(String vendor, ScoreSource source, ScoreScale scale, Crosswalk crosswalk,
        Optional<JsonPointer> modelPointer, String model) {

    ProviderVerdict read(VendorResponse response) {
        JsonNode answer = StrictJson.object(response, vendor);
        Map<String, Double> vendorScores = new LinkedHashMap<>();
        Map<String, Double> unit = new LinkedHashMap<>();
        source.read(answer, scale, vendor, vendorScores, unit);
        return new ProviderVerdict(crosswalk.toTaxonomy(unit), vendorScores, modelOf(answer));
    }

    private String modelOf(JsonNode answer) {
        return modelPointer.map(answer::at).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(name -> !name.isBlank()).orElse(model);
    }
}
