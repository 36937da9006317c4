package dev.warden.adapters.localrules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.warden.spi.Category;
import dev.warden.spi.ContentLimits;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.SettingsSpec;

/**
 * The settings of one local-rules provider, validated. Reads {@code default-list}, the {@link TextLimits} and, for
 * every category under {@code categories.}, exactly {@code terms}, {@code patterns} and {@code score}: any other key
 * stays unread, so a misspelled one fails start-up.
 */
record LocalRulesSettings(boolean defaultList, Map<Category, CategoryRules> categories, TextLimits limits) {

    static final String DEFAULT_LIST = "default-list";
    static final String CATEGORIES = "categories";
    static final String TERMS = "terms";
    static final String PATTERNS = "patterns";
    static final String SCORE = "score";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .bool(DEFAULT_LIST, "Load the bundled default list (below). `false` keeps only the rules configured here.",
                    true)
            .prefix(CATEGORIES + ".<category>." + TERMS, "Comma-separated words or phrases. Matched as whole words"
                    + " after normalization (below).")
            .prefix(CATEGORIES + ".<category>." + PATTERNS, "Comma-separated Java regexes, matched"
                    + " case-insensitively against the NFKC-normalized text.")
            .prefix(CATEGORIES + ".<category>." + SCORE, "The score (0..1) a match in the category gives. Default:"
                    + " the bundled list's score for the category, else `0.9`.")
            .integer(TextLimits.MAX_PARTS, "Text parts one call may carry; more is `BAD_REQUEST`. Default:"
                    + " `warden.limits.max-parts` (16).", null, 1, Integer.MAX_VALUE)
            .integer(TextLimits.MAX_TEXT_LENGTH, "Characters one text part may have; more is `BAD_REQUEST`. Default:"
                    + " `warden.limits.max-text-length` (20000).", null, 1, Integer.MAX_VALUE)
            .build();

    LocalRulesSettings {
        categories = Map.copyOf(categories);
    }

    static LocalRulesSettings read(ProviderSettings settings, TextNormalizer normalizer, ContentLimits core) {
        boolean defaultList = settings.getBoolean(DEFAULT_LIST, true);
        Map<Category, CategoryRules> categories = new EnumMap<>(Category.class);
        for (String name : settings.children(CATEGORIES)) {
            String prefix = CATEGORIES + "." + name + ".";
            Category category = Category.fromWireName(name).orElseThrow(() -> settings.invalid(CATEGORIES + "." + name,
                    "is not a taxonomy v1 category; use one of " + wireNames()));
            categories.put(category, new CategoryRules(category, readTerms(settings, prefix + TERMS, normalizer),
                    readPatterns(settings, prefix + PATTERNS), readScore(settings, prefix + SCORE)));
        }
        if (!defaultList && categories.values().stream().allMatch(CategoryRules::isEmpty)) {
            throw settings.invalid(DEFAULT_LIST, "is false and no " + CATEGORIES + ".<category>." + TERMS + " or ."
                    + PATTERNS + " are set, so nothing could ever match");
        }
        return new LocalRulesSettings(defaultList, categories, TextLimits.read(settings, core));
    }

    private static List<String> readTerms(ProviderSettings settings, String key, TextNormalizer normalizer) {
        List<String> terms = settings.getList(key);
        for (String term : terms) {
            if (normalizer.words(term).isEmpty()) {
                throw settings.invalid(key, "has a term without letters or digits: '" + term + "'");
            }
        }
        return terms;
    }

    private static List<Pattern> readPatterns(ProviderSettings settings, String key) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : settings.getList(key)) {
            try {
                patterns.add(CategoryRules.compilePattern(regex));
            } catch (PatternSyntaxException e) {
                throw settings.invalid(key, "has an invalid regex '" + regex + "': " + e.getDescription()
                        + " (a comma inside a regex is written \\,)");
            }
        }
        return patterns;
    }

    private static OptionalDouble readScore(ProviderSettings settings, String key) {
        if (settings.get(key).isEmpty()) {
            return OptionalDouble.empty();
        }
        double score = settings.getDouble(key, CategoryRules.DEFAULT_SCORE);
        if (!CategoryRules.isScore(score)) {
            throw settings.invalid(key, "must be between 0 and 1, got " + score);
        }
        return OptionalDouble.of(score);
    }

    private static List<String> wireNames() {
        return Arrays.stream(Category.values()).map(Category::wireName).toList();
    }
}
