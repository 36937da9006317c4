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

import dev.warden.spi.support.Crosswalk;
import dev.warden.spi.support.Scale;

/** OpenAI moderation labels onto taxonomy v1 (the table in this adapter's README), scores 0..1 as they are. */
final class OpenAiCrosswalk {

    static final Scale SCALE = Scale.probability();

    static final Crosswalk LABELS = Crosswalk.builder()
            .map("harassment", HARASSMENT)
            .map("harassment/threatening", HARASSMENT, THREAT)
            .map("hate", HATE)
            .map("hate/threatening", HATE, THREAT)
            .map("illicit", ILLICIT)
            .map("illicit/violent", ILLICIT, VIOLENCE)
            .map("self-harm", SELF_HARM)
            .map("self-harm/intent", SELF_HARM)
            .map("self-harm/instructions", SELF_HARM)
            .map("sexual", SEXUAL)
            .map("sexual/minors", SEXUAL_MINORS)
            .map("violence", VIOLENCE)
            .map("violence/graphic", VIOLENCE_GRAPHIC)
            .build();

    private OpenAiCrosswalk() {
    }
}
