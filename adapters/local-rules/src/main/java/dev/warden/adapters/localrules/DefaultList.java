package dev.warden.adapters.localrules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.warden.spi.Category;

/**
 * The bundled default list, {@value #RESOURCE}. Its format is one rule a line, so regexes need no escaping:
 *
 * <pre>
 * # a comment
 * [threat]                 a category (taxonomy v1 wire name); the lines below belong to it
 * score 0.95               the score a match gives
 * term i will kill you     a word or phrase, matched on normalized words
 * pattern \bfree \w+\b     a Java regex, matched case-insensitively against the NFKC-normalized text
 * </pre>
 *
 * A mistake in the file is a bug in this adapter, so it fails with {@link IllegalStateException}.
 */
final class DefaultList {

    static final String RESOURCE = "/local-rules/default-list.txt";

    private DefaultList() {
    }

    static Map<Category, CategoryRules> load(TextNormalizer normalizer) {
        try (InputStream in = DefaultList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), normalizer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static Map<Category, CategoryRules> parse(String text, TextNormalizer normalizer) {
        Map<Category, CategoryRules> rules = new EnumMap<>(Category.class);
        Section section = null;
        String[] lines = text.split("\\R");
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (section != null) {
                    rules.put(section.category, section.toRules());
                }
                section = new Section(category(line.substring(1, line.length() - 1), number));
                continue;
            }
            if (section == null) {
                throw problem(number, "a rule before the first [category]");
            }
            section.add(line, number, normalizer);
        }
        if (section != null) {
            rules.put(section.category, section.toRules());
        }
        return rules;
    }

    private static Category category(String name, int number) {
        return Category.fromWireName(name.strip())
                .orElseThrow(() -> problem(number, "'" + name + "' is not a taxonomy v1 category"));
    }

    private static IllegalStateException problem(int number, String problem) {
        return new IllegalStateException(RESOURCE + " line " + number + ": " + problem);
    }

    /** The lines under one {@code [category]} header. */
    private static final class Section {

        private final Category category;
        private final List<String> terms = new ArrayList<>();
        private final List<Pattern> patterns = new ArrayList<>();
        private OptionalDouble score = OptionalDouble.empty();

        Section(Category category) {
            this.category = category;
        }

        void add(String line, int number, TextNormalizer normalizer) {
            String[] keywordAndValue = line.split("\\s+", 2);
            if (keywordAndValue.length < 2) {
                throw problem(number, "expected 'term ...', 'pattern ...' or 'score ...'");
            }
            String value = keywordAndValue[1];
            switch (keywordAndValue[0]) {
                case "term" -> {
                    if (normalizer.words(value).isEmpty()) {
                        throw problem(number, "a term without letters or digits");
                    }
                    terms.add(value);
                }
                case "pattern" -> patterns.add(pattern(value, number));
                case "score" -> score = OptionalDouble.of(score(value, number));
                default -> throw problem(number, "unknown keyword '" + keywordAndValue[0] + "'");
            }
        }

        private static Pattern pattern(String regex, int number) {
            try {
                return CategoryRules.compilePattern(regex);
            } catch (PatternSyntaxException e) {
                throw problem(number, "invalid regex: " + e.getDescription());
            }
        }

        private static double score(String value, int number) {
            double score;
            try {
                score = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                score = Double.NaN;
            }
            if (!CategoryRules.isScore(score)) {
                throw problem(number, "a score must be a number between 0 and 1, got '" + value + "'");
            }
            return score;
        }

        CategoryRules toRules() {
            return new CategoryRules(category, terms, patterns, score);
        }
    }
}
