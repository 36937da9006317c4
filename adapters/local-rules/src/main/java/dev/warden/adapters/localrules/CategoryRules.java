package dev.warden.adapters.localrules;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

import dev.warden.spi.Category;

/**
 * The rules of one category as declared, by the bundled list or by settings: terms (words or phrases), compiled
 * patterns, and the score a match gives if one was declared.
 */
record CategoryRules(Category category, List<String> terms, List<Pattern> patterns, OptionalDouble score) {

    static final double DEFAULT_SCORE = 0.9;

    /** Patterns see normalized, lower-cased text; case-insensitive matching keeps an upper-case pattern useful. */
    private static final int PATTERN_FLAGS = Pattern.CASE_INSENSITIVE;

    CategoryRules {
        terms = List.copyOf(terms);
        patterns = List.copyOf(patterns);
    }

    /** @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid Java regex */
    static Pattern compilePattern(String regex) {
        return Pattern.compile(regex, PATTERN_FLAGS);
    }

    /** These rules with {@code added}'s terms and patterns appended; {@code added}'s score, if any, replaces ours. */
    CategoryRules plus(CategoryRules added) {
        List<String> allTerms = new ArrayList<>(terms);
        allTerms.addAll(added.terms);
        List<Pattern> allPatterns = new ArrayList<>(patterns);
        allPatterns.addAll(added.patterns);
        return new CategoryRules(category, allTerms, allPatterns, added.score.isPresent() ? added.score : score);
    }

    /** Whether {@code value} can be a score: within 0..1 (NaN is not). */
    static boolean isScore(double value) {
        return value >= 0.0 && value <= 1.0;
    }

    boolean isEmpty() {
        return terms.isEmpty() && patterns.isEmpty();
    }

    double effectiveScore() {
        return score.orElse(DEFAULT_SCORE);
    }
}
