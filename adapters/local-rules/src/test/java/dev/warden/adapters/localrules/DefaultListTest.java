package dev.warden.adapters.localrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.warden.spi.Category;

class DefaultListTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void bundlesTheDocumentedCategoriesAndScores() {
        Map<Category, Double> scores = DefaultList.load(normalizer).values().stream()
                .collect(Collectors.toMap(CategoryRules::category, CategoryRules::effectiveScore));

        assertThat(scores).containsOnly(entry(Category.HARASSMENT, 0.8), entry(Category.THREAT, 0.95),
                entry(Category.HATE, 0.9), entry(Category.PROFANITY, 0.6), entry(Category.SPAM, 0.7),
                entry(Category.PII, 0.8), entry(Category.SELF_HARM, 0.95));
    }

    @Test
    void readsTermsPatternsAndScoresPerCategory() {
        Map<Category, CategoryRules> rules = DefaultList.parse("""
                # a comment

                [spam]
                score 0.5
                term buy now
                pattern \\bwin \\$\\d{1,6}\\b
                [threat]
                term you will die
                """, normalizer);

        CategoryRules spam = rules.get(Category.SPAM);
        assertThat(spam.terms()).containsExactly("buy now");
        assertThat(spam.patterns()).singleElement().hasToString("\\bwin \\$\\d{1,6}\\b");
        assertThat(spam.score()).isEqualTo(OptionalDouble.of(0.5));
        assertThat(rules.get(Category.THREAT).score()).isEmpty();
    }

    @Test
    void namesTheLineOfAMistake() {
        assertThatThrownBy(() -> DefaultList.parse("[spam]\nterm buy now\nphrase act now\n", normalizer))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> DefaultList.parse("term buy now\n", normalizer))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> DefaultList.parse("[junk]\n", normalizer))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'junk'");
        assertThatThrownBy(() -> DefaultList.parse("[spam]\nscore 2\n", normalizer))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> DefaultList.parse("[spam]\n\npattern free (money\n", normalizer))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 3");
    }
}
