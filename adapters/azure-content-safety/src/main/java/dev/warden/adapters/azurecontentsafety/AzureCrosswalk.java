package dev.warden.adapters.azurecontentsafety;

import static dev.warden.spi.Category.HATE;
import static dev.warden.spi.Category.SELF_HARM;
import static dev.warden.spi.Category.SEXUAL;
import static dev.warden.spi.Category.VIOLENCE;

import java.util.List;

import dev.warden.spi.support.Crosswalk;

/**
 * Azure's four harm categories onto taxonomy v1 (VA§3.5). Text and images share them, so one table serves both;
 * {@code labels.<Category>} overrides an entry per provider.
 */
final class AzureCrosswalk {

    /** Azure's spelling, as sent in {@code categories} and answered in {@code categoriesAnalysis[].category}. */
    static final List<String> LABELS = List.of("Hate", "SelfHarm", "Sexual", "Violence");

    static final Crosswalk DEFAULT = Crosswalk.builder()
            .map("Hate", HATE)
            .map("SelfHarm", SELF_HARM)
            .map("Sexual", SEXUAL)
            .map("Violence", VIOLENCE)
            .build();

    private AzureCrosswalk() {
    }
}
