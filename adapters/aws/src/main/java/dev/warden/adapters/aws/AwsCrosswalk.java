package dev.warden.adapters.aws;

import dev.warden.spi.Category;
import dev.warden.spi.support.Crosswalk;
import dev.warden.spi.support.Scale;

/**
 * Comprehend's toxicity labels and Rekognition's top-level (L1) moderation labels onto taxonomy v1. Lower-level
 * Rekognition labels count toward their L1 (see {@link RekognitionVerdictReader}); operators may map any label of
 * either service, L2 and L3 included, with {@code labels.<name>}.
 */
final class AwsCrosswalk {

    /** Comprehend's {@code Score} and {@code Toxicity} are probabilities already. */
    static final Scale COMPREHEND_SCALE = Scale.probability();

    /** Rekognition's {@code Confidence} is a percentage. */
    static final Scale REKOGNITION_SCALE = Scale.percent();

    /** Comprehend's overall score, kept under the field name it arrives in. */
    static final String TOXICITY = "Toxicity";

    static final Crosswalk COMPREHEND = Crosswalk.builder()
            .map(TOXICITY, Category.TOXICITY)
            .map("HATE_SPEECH", Category.HATE)
            .map("INSULT", Category.HARASSMENT)
            .map("HARASSMENT_OR_ABUSE", Category.HARASSMENT)
            .map("VIOLENCE_OR_THREAT", Category.VIOLENCE, Category.THREAT)
            .map("GRAPHIC", Category.VIOLENCE_GRAPHIC)
            .map("SEXUAL", Category.SEXUAL)
            .map("PROFANITY", Category.PROFANITY)
            .build();

    static final Crosswalk REKOGNITION = Crosswalk.builder()
            .map("Explicit", Category.SEXUAL)
            .map("Non-Explicit Nudity of Intimate parts and Kissing", Category.SEXUAL)
            .map("Violence", Category.VIOLENCE)
            .map("Visually Disturbing", Category.VIOLENCE_GRAPHIC)
            .map("Drugs & Tobacco", Category.ILLICIT)
            .map("Gambling", Category.ILLICIT)
            .map("Rude Gestures", Category.HARASSMENT)
            .map("Hate Symbols", Category.HATE)
            .map("Swimwear or Underwear")
            .map("Alcohol")
            .build();

    private AwsCrosswalk() {
    }
}
