package dev.warden.adapters.azurecontentsafety;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.Category;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.Scale;
import dev.warden.spi.support.StrictJson;

/**
 * Reads an analyze answer: {@code categoriesAnalysis[{category, severity}]} (required) and, for text,
 * {@code blocklistsMatch[{blocklistName}]}. The vendor scores keep Azure's severities as sent and each matched
 * blocklist as {@code blocklist:<name>} = 1. A category without a severity was not evaluated (the spec makes it
 * optional; a blocklist hit with {@code haltOnBlocklistHit} skips the classifiers), so it gets no score at all.
 */
final class AzureVerdictReader {

    static final String BLOCKLIST_LABEL_PREFIX = "blocklist:";

    private final AzureSettings settings;

    AzureVerdictReader(AzureSettings settings) {
        this.settings = settings;
    }

    ProviderVerdict read(VendorResponse response, Scale scale) {
        JsonNode root = StrictJson.object(response, AzureContentSafetyAdapter.VENDOR);
        JsonNode analysis = StrictJson.required(root, "/categoriesAnalysis", AzureContentSafetyAdapter.VENDOR);
        if (!analysis.isArray()) {
            throw invalid("categoriesAnalysis is not a list");
        }
        Map<String, Double> severities = new LinkedHashMap<>();
        Map<String, Double> unitScores = new LinkedHashMap<>();
        for (JsonNode entry : analysis) {
            JsonNode category = entry.path("category");
            if (!category.isTextual()) {
                throw invalid("a categoriesAnalysis entry has no category");
            }
            JsonNode severity = entry.path("severity");
            if (severity.isMissingNode() || severity.isNull()) {
                continue;
            }
            String label = category.asText();
            double raw = StrictJson.number(severity, label, AzureContentSafetyAdapter.VENDOR);
            scale.toUnit(raw, label, AzureContentSafetyAdapter.VENDOR).ifPresent(unit -> {
                severities.merge(label, raw, Math::max);
                unitScores.merge(label, unit, Math::max);
            });
        }
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        scores.putAll(settings.crosswalk().toTaxonomy(unitScores));
        Map<String, Double> vendorScores = new LinkedHashMap<>(severities);
        blocklistHits(root, vendorScores, scores);
        return new ProviderVerdict(scores, vendorScores, settings.model());
    }

    private void blocklistHits(JsonNode root, Map<String, Double> vendorScores, Map<Category, Double> scores) {
        JsonNode matches = root.path("blocklistsMatch");
        if (matches.isMissingNode() || matches.isNull()) {
            return;
        }
        if (!matches.isArray()) {
            throw invalid("blocklistsMatch is not a list");
        }
        for (JsonNode match : matches) {
            JsonNode name = match.path("blocklistName");
            if (!name.isTextual()) {
                throw invalid("a blocklistsMatch entry has no blocklistName");
            }
            vendorScores.put(BLOCKLIST_LABEL_PREFIX + name.asText(), 1.0);
            settings.blocklistCategory().ifPresent(category -> scores.put(category, 1.0));
        }
    }

    private static ProviderException invalid(String problem) {
        return StrictJson.invalid(AzureContentSafetyAdapter.VENDOR, problem);
    }
}
