package dev.warden.adapters.openai;

import static dev.warden.spi.Category.HARASSMENT;
import static dev.warden.spi.Category.HATE;
import static dev.warden.spi.Category.ILLICIT;
import static dev.warden.spi.Category.SELF_HARM;
import static dev.warden.spi.Category.SEXUAL;
import static dev.warden.spi.Category.SEXUAL_MINORS;
import static dev.warden.spi.Category.THREAT;
import static dev.warden.spi.Category.VIOLENCE;
import static dev.warden.spi.Category.VIOLENCE_GRAPHIC;
import static java.util.Map.entry;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import dev.warden.spi.Category;

/**
 * OpenAI moderation labels onto taxonomy v1 (the table in this adapter's README). A category fed by several labels
 * takes their highest score: the taxonomy asks "how likely is this kind of harm", and any one label saying so is
 * enough. Labels not listed here (a category OpenAI adds later) stay vendor-only until someone maps them.
 */
final class OpenAiCrosswalk {

    private static final Map<String, Set<Category>> CATEGORIES_BY_LABEL = Map.ofEntries(
            entry("harassment", Set.of(HARASSMENT)),
            entry("harassment/threatening", Set.of(HARASSMENT, THREAT)),
            entry("hate", Set.of(HATE)),
            entry("hate/threatening", Set.of(HATE, THREAT)),
            entry("illicit", Set.of(ILLICIT)),
            entry("illicit/violent", Set.of(ILLICIT, VIOLENCE)),
            entry("self-harm", Set.of(SELF_HARM)),
            entry("self-harm/intent", Set.of(SELF_HARM)),
            entry("self-harm/instructions", Set.of(SELF_HARM)),
            entry("sexual", Set.of(SEXUAL)),
            entry("sexual/minors", Set.of(SEXUAL_MINORS)),
            entry("violence", Set.of(VIOLENCE)),
            entry("violence/graphic", Set.of(VIOLENCE_GRAPHIC)));

    private OpenAiCrosswalk() {
    }

    static Map<Category, Double> toTaxonomy(Map<String, Double> vendorScores) {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        vendorScores.forEach((label, score) -> CATEGORIES_BY_LABEL.getOrDefault(label, Set.of())
                .forEach(category -> scores.merge(category, score, Math::max)));
        return scores;
    }
}
