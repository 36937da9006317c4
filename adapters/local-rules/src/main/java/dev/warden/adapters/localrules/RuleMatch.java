package dev.warden.adapters.localrules;

import dev.warden.spi.Category;

/** A rule that matched: its category and the term or pattern as configured (never the matched text). */
record RuleMatch(Category category, String rule) {

    /** The vendor-score key, {@code <category>:<term or pattern>}. */
    String key() {
        return category.wireName() + ":" + rule;
    }
}
