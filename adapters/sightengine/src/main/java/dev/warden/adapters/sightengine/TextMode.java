package dev.warden.adapters.sightengine;

import java.util.Arrays;
import java.util.Locale;

/** How Sightengine moderates text (VA§6.3): classifiers scoring classes, or rules matching patterns. */
enum TextMode {
    ML,
    RULES;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code value} was checked against the setting's choices already. */
    static TextMode ofWireName(String value) {
        return Arrays.stream(values()).filter(mode -> mode.wireName().equals(value)).findFirst().orElseThrow();
    }
}
