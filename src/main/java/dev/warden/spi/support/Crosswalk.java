package dev.warden.spi.support;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.warden.spi.Category;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ReadSettings;

/**
 * A vendor's labels onto taxonomy v1. A category fed by several labels takes their highest score: the taxonomy asks
 * "how likely is this kind of harm", and any one label saying so is enough. Labels not listed (one the vendor adds
 * later) stay vendor-only until someone maps them, in code or by configuration.
 */
public final class Crosswalk {

    private final Map<String, Set<Category>> categoriesByLabel;

    /** The override value that makes a label vendor-only: it feeds no category. */
    public static final String VENDOR_ONLY = "none";

    private Crosswalk(Map<String, Set<Category>> categoriesByLabel) {
        this.categoriesByLabel = categoriesByLabel;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * This crosswalk with the operator's overrides: {@code <prefix>.<label>=cat1,cat2} maps {@code label} (which may
     * contain dots) onto those categories, and {@value #VENDOR_ONLY} makes it vendor-only. (An empty value does too
     * when it reaches the adapter, but Quarkus drops empty values, so configuration must say {@value #VENDOR_ONLY}.)
     * An unknown category fails start-up.
     */
    public Crosswalk withOverrides(ProviderSettings settings, String prefix) {
        Map<String, Set<Category>> merged = new LinkedHashMap<>(categoriesByLabel);
        for (String label : settings.keysUnder(prefix)) {
            String key = prefix + "." + label;
            Set<Category> categories = EnumSet.noneOf(Category.class);
            List<String> names = settings.getList(key);
            if (names.size() == 1 && names.get(0).equalsIgnoreCase(VENDOR_ONLY)) {
                merged.put(label, Set.of());
                continue;
            }
            for (String name : names) {
                categories.add(Category.fromWireName(name).orElseThrow(() -> settings.invalid(key,
                        "names unknown category '" + name + "'; known: " + Arrays.stream(Category.values())
                                .map(Category::wireName).collect(Collectors.joining(", ")))));
            }
            merged.put(label, Set.copyOf(categories));
        }
        return new Crosswalk(Collections.unmodifiableMap(merged));
    }

    /** The same, for settings read through a {@link dev.warden.spi.SettingsSpec} with a {@code prefix} entry. */
    public Crosswalk withOverrides(ReadSettings settings, String prefix) {
        return withOverrides(settings.source(), prefix);
    }

    /** The categories {@code label} feeds; empty when it is vendor-only or unknown. */
    public Set<Category> categories(String label) {
        return categoriesByLabel.getOrDefault(label, Set.of());
    }

    /** Scores already on 0..1, per vendor label, onto categories; unknown labels are left out. */
    public Map<Category, Double> toTaxonomy(Map<String, Double> unitScores) {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        unitScores.forEach((label, score) -> categories(label)
                .forEach(category -> scores.merge(category, score, Math::max)));
        return scores;
    }

    /** The README table: one row per label, in the order they were mapped. */
    public String markdownTable(Scale scale) {
        StringBuilder table = new StringBuilder("| Vendor label | Categories | Score |\n|---|---|---|\n");
        categoriesByLabel.forEach((label, categories) -> table.append("| `").append(label).append("` | ")
                .append(categories.isEmpty() ? "(vendor-only)"
                        : categories.stream().sorted().map(Category::wireName).collect(Collectors.joining(", ")))
                .append(" | ").append(scale.describe()).append(" |\n"));
        return table.toString();
    }

    /** Collects the vendor's documented mapping, label by label. */
    public static final class Builder {

        private final Map<String, Set<Category>> categoriesByLabel = new LinkedHashMap<>();

        private Builder() {
        }

        /** {@code vendorLabel} feeds {@code categories}; none makes it explicitly vendor-only. */
        public Builder map(String vendorLabel, Category... categories) {
            categoriesByLabel.put(vendorLabel, categories.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(
                    categories[0], categories)));
            return this;
        }

        public Crosswalk build() {
            return new Crosswalk(Collections.unmodifiableMap(new LinkedHashMap<>(categoriesByLabel)));
        }
    }
}
