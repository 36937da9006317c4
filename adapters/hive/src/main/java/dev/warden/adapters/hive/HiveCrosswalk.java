package dev.warden.adapters.hive;

import static dev.warden.spi.Category.HARASSMENT;
import static dev.warden.spi.Category.HATE;
import static dev.warden.spi.Category.ILLICIT;
import static dev.warden.spi.Category.PII;
import static dev.warden.spi.Category.PROFANITY;
import static dev.warden.spi.Category.SEXUAL;
import static dev.warden.spi.Category.SPAM;
import static dev.warden.spi.Category.VIOLENCE;

import dev.warden.spi.support.Crosswalk;
import dev.warden.spi.support.Scale;

/**
 * Hive's classes onto taxonomy v1, per project (the tables in this adapter's README). Text heads answer a severity
 * 0..3, or {@code -1} when the head does not support the detected language; visual heads answer a probability. The
 * {@code no_*} and {@code general_not_*} visual classes are the other side of a head and stay vendor-only. Both tables
 * can be changed in configuration, because a project's classes depend on the models it subscribes to.
 */
final class HiveCrosswalk {

    /** The label under which the text project's profanity filter ({@code text_filters[type=profanity]}) scores. */
    static final String PROFANITY_FILTER = "text_filter_profanity";
    /** The label under which the text project's {@code pii_entities} score: 1 when any entity was found. */
    static final String PII_ENTITIES = "pii_entities";

    static final Scale TEXT_SCALE = Scale.levels(3).notEvaluatedBelow(0);
    static final Scale VISUAL_SCALE = Scale.probability();

    static final Crosswalk TEXT = Crosswalk.builder()
            .map("sexual", SEXUAL)
            .map("hate", HATE)
            .map("violence", VIOLENCE)
            .map("bullying", HARASSMENT)
            .map("drugs", ILLICIT)
            .map("spam", SPAM)
            .map(PROFANITY_FILTER, PROFANITY)
            .map(PII_ENTITIES, PII)
            .build();

    static final Crosswalk VISUAL = Crosswalk.builder()
            .map("general_nsfw", SEXUAL)
            .map("gun_in_hand", VIOLENCE)
            .map("gun_not_in_hand", VIOLENCE)
            .map("animated_gun", VIOLENCE)
            .map("yes_nazi", HATE)
            .map("yes_kkk", HATE)
            .build();

    private HiveCrosswalk() {
    }
}
