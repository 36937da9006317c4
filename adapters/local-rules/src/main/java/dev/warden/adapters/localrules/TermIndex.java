package dev.warden.adapters.localrules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds terms in a text as whole words: a term matches only where the text has exactly its words in a row, so
 * "classic" never matches "ass" and "skilled" never matches "kill". Terms are indexed by their first word's skeleton
 * ({@link LetterRuns#skeleton()}), so a text costs one lookup per word.
 */
final class TermIndex {

    private final TextNormalizer normalizer;
    private final Map<String, List<Term>> byFirstWord = new HashMap<>();

    TermIndex(Collection<CategoryRules> rules, TextNormalizer normalizer) {
        this.normalizer = normalizer;
        for (CategoryRules category : rules) {
            for (String term : category.terms()) {
                List<LetterRuns> words = normalizer.words(term).stream().map(LetterRuns::of).toList();
                byFirstWord.computeIfAbsent(words.get(0).skeleton(), skeleton -> new ArrayList<>())
                        .add(new Term(new RuleMatch(category.category(), term), words));
            }
        }
    }

    Set<RuleMatch> matchesIn(String text) {
        List<LetterRuns> words = normalizer.words(text).stream().map(LetterRuns::of).toList();
        Set<RuleMatch> matches = new LinkedHashSet<>();
        for (int at = 0; at < words.size(); at++) {
            for (Term term : byFirstWord.getOrDefault(words.get(at).skeleton(), List.of())) {
                if (term.occursAt(words, at)) {
                    matches.add(term.match());
                }
            }
        }
        return matches;
    }

    private record Term(RuleMatch match, List<LetterRuns> words) {

        boolean occursAt(List<LetterRuns> text, int at) {
            if (at + words.size() > text.size()) {
                return false;
            }
            for (int i = 0; i < words.size(); i++) {
                if (!text.get(at + i).spells(words.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
