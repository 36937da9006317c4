package dev.warden.adapters.localrules;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.warden.spi.Category;

/**
 * All rules of one provider, compiled once at creation and then only read, so one instance serves concurrent calls.
 * Terms are matched on normalized words ({@link TermIndex}); patterns on the case-folded text, where e-mail addresses
 * and phone numbers keep their digits and punctuation.
 */
final class RuleBook {

    private final TextNormalizer normalizer;
    private final Map<Category, Double> scores;
    private final TermIndex terms;
    private final List<PatternRule> patterns;

    RuleBook(Collection<CategoryRules> rules, TextNormalizer normalizer) {
        this.normalizer = normalizer;
        List<CategoryRules> withRules = rules.stream().filter(category -> !category.isEmpty()).toList();
        Map<Category, Double> scoresByCategory = new EnumMap<>(Category.class);
        withRules.forEach(category -> scoresByCategory.put(category.category(), category.effectiveScore()));
        this.scores = Collections.unmodifiableMap(scoresByCategory);
        this.terms = new TermIndex(withRules, normalizer);
        this.patterns = withRules.stream().flatMap(category -> category.patterns().stream()
                .map(pattern -> new PatternRule(category.category(), pattern))).toList();
    }

    /** The categories this book has rules for, which are the categories it evaluates. */
    Set<Category> categories() {
        return scores.keySet();
    }

    double scoreOf(Category category) {
        return scores.get(category);
    }

    Set<RuleMatch> matchesIn(String text) {
        Set<RuleMatch> matches = new LinkedHashSet<>(terms.matchesIn(text));
        String folded = normalizer.forPatterns(text);
        for (PatternRule rule : patterns) {
            if (rule.pattern().matcher(folded).find()) {
                matches.add(new RuleMatch(rule.category(), rule.pattern().pattern()));
            }
        }
        return matches;
    }

    private record PatternRule(Category category, Pattern pattern) {
    }
}
