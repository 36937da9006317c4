package dev.warden.adapters.sightengine;

import static dev.warden.spi.Category.HARASSMENT;
import static dev.warden.spi.Category.HATE;
import static dev.warden.spi.Category.ILLICIT;
import static dev.warden.spi.Category.PII;
import static dev.warden.spi.Category.PROFANITY;
import static dev.warden.spi.Category.SELF_HARM;
import static dev.warden.spi.Category.SEXUAL;
import static dev.warden.spi.Category.SPAM;
import static dev.warden.spi.Category.TOXICITY;
import static dev.warden.spi.Category.VIOLENCE;
import static dev.warden.spi.Category.VIOLENCE_GRAPHIC;

import dev.warden.spi.support.Crosswalk;

/**
 * Sightengine labels onto taxonomy v1 (VA§6, §8.2). Labels are dotted paths into the answer, so image models
 * ({@code nudity.sexual_display}), ML text classes ({@code moderation_classes.toxic}) and rule categories
 * ({@code profanity.insult}, {@code personal}) share one table without clashing, and {@code labels.<path>} overrides
 * any row. Image model objects beyond these stay vendor-only; their structure is partly unconfirmed (🟡).
 */
final class SightengineCrosswalk {

    static final Crosswalk DEFAULT = Crosswalk.builder()
            .map("nudity.sexual_activity", SEXUAL)
            .map("nudity.sexual_display", SEXUAL)
            .map("nudity.erotica", SEXUAL)
            .map("gore.prob", VIOLENCE_GRAPHIC)
            .map("weapon.classes.firearm", ILLICIT)
            .map("weapon.classes.knife", ILLICIT)
            .map("recreational_drug.prob", ILLICIT)
            .map("moderation_classes.sexual", SEXUAL)
            .map("moderation_classes.discriminatory", HATE)
            .map("moderation_classes.insulting", HARASSMENT)
            .map("moderation_classes.violent", VIOLENCE)
            .map("moderation_classes.toxic", TOXICITY)
            .map("moderation_classes.self-harm", SELF_HARM)
            .map("profanity.sexual", SEXUAL)
            .map("profanity.discriminatory", HATE)
            .map("profanity.insult", HARASSMENT)
            .map("profanity.inappropriate", PROFANITY)
            .map("profanity.grawlix", PROFANITY)
            .map("personal", PII)
            .map("link", SPAM)
            .map("spam", SPAM)
            .map("self-harm", SELF_HARM)
            .map("violence", VIOLENCE)
            .map("drug", ILLICIT)
            .map("weapon", ILLICIT)
            .build();

    private SightengineCrosswalk() {
    }
}
