package dev.warden.spi;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.warden.spi.Setting.Type;

/**
 * Every setting an adapter type understands, in README order. {@link #read} reads each one from a provider's
 * settings and checks it, so an adapter reads nothing the README does not document, and the README's table
 * ({@link #markdownTable()}) cannot drift from what the adapter reads.
 */
public final class SettingsSpec {

    private final List<Setting> settings;

    private SettingsSpec(List<Setting> settings) {
        this.settings = List.copyOf(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Setting> settings() {
        return settings;
    }

    public Optional<Setting> setting(String key) {
        return settings.stream().filter(setting -> setting.key().equals(key)).findFirst();
    }

    /** Whether {@code key} is documented: a setting, or a child of a {@link Type#PREFIX} setting. */
    public boolean covers(String key) {
        return settings.stream().anyMatch(setting -> setting.covers(key));
    }

    /**
     * Reads every setting through the matching {@link ProviderSettings} method (so each counts as read) and checks
     * it; a bad value fails with an {@link InvalidSettingsException} naming the key and never the value of a secret.
     */
    public ReadSettings read(ProviderSettings source) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting setting : settings) {
            read(source, setting).ifPresent(value -> values.put(setting.key(), value));
        }
        return new ReadSettings(this, source, values);
    }

    private static Optional<Object> read(ProviderSettings source, Setting setting) {
        String key = setting.key();
        if (setting.type() == Type.PREFIX) {
            String prefix = setting.literalPrefix();
            Map<String, String> children = new TreeMap<>();
            source.keysUnder(prefix).stream().filter(child -> setting.covers(prefix + "." + child))
                    .forEach(child -> children.put(child, source.get(prefix + "." + child).orElse("")));
            return Optional.of(Collections.unmodifiableMap(children));
        }
        Optional<String> raw = source.get(key).or(setting::defaultValue);
        if (raw.isEmpty()) {
            if (setting.required()) {
                throw source.invalid(key, "is required");
            }
            return Optional.empty();
        }
        if (setting.headerSafe() && !Setting.isHeaderSafe(raw.get())) {
            throw source.invalid(key, "must not contain whitespace or control characters");
        }
        return Optional.of(typed(source, setting, raw.get()));
    }

    private static Object typed(ProviderSettings source, Setting setting, String raw) {
        String key = setting.key();
        String shown = setting.secret() ? "" : ", got '" + raw + "'";
        return switch (setting.type()) {
            case STRING -> raw;
            case URL -> baseUrl(source, key, raw);
            case INT -> (int) bounded(source, setting, parseNumber(source, key, raw, true, shown));
            case DOUBLE -> bounded(source, setting, parseNumber(source, key, raw, false, shown));
            case BOOLEAN -> ProviderSettings.parseBoolean(raw, () -> source.invalid(key,
                    "must be true or false" + shown));
            case DURATION -> ProviderSettings.parseDuration(raw, () -> source.invalid(key,
                    "must be a duration like 250ms, 2s, 1m or PT2S" + shown));
            case LIST -> source.get(key).isPresent() ? source.getList(key) : splitDefault(raw);
            case CHOICE -> choice(source, setting, raw, shown);
            case PREFIX -> throw new IllegalStateException("prefix settings are read as children");
        };
    }

    private static URI baseUrl(ProviderSettings source, String key, String raw) {
        URI uri = source.uri(key, raw);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw source.invalid(key, "must not carry a query or fragment; the adapter appends its paths");
        }
        return uri;
    }

    private static double parseNumber(ProviderSettings source, String key, String raw, boolean whole, String shown) {
        try {
            return whole ? Integer.parseInt(raw) : Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw source.invalid(key, (whole ? "must be a whole number" : "must be a number") + shown);
        }
    }

    private static double bounded(ProviderSettings source, Setting setting, double value) {
        boolean below = setting.min().isPresent() && value < setting.min().getAsDouble();
        boolean above = setting.max().isPresent() && value > setting.max().getAsDouble();
        if (below || above || Double.isNaN(value)) {
            String range = range(setting);
            throw source.invalid(setting.key(), "must be " + (range.contains("..") ? "within " : "") + range);
        }
        return value;
    }

    private static String choice(ProviderSettings source, Setting setting, String raw, String shown) {
        if (!setting.choices().contains(raw)) {
            throw source.invalid(setting.key(), "must be one of " + setting.choices().stream().sorted().toList()
                    + shown);
        }
        return raw;
    }

    private static List<String> splitDefault(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static String range(Setting setting) {
        boolean unbounded = setting.max().isEmpty() || setting.max().getAsDouble() >= Integer.MAX_VALUE;
        return unbounded ? "at least " + number(setting.min()) : number(setting.min()) + ".." + number(setting.max());
    }

    private static String number(OptionalDouble value) {
        if (value.isEmpty()) {
            return "";
        }
        double number = value.getAsDouble();
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    /** The README table: {@code | Key | Default | Secret | Meaning |}, one row per setting in declaration order. */
    public String markdownTable() {
        StringBuilder table = new StringBuilder("| Key | Default | Secret | Meaning |\n|---|---|---|---|\n");
        for (Setting setting : settings) {
            boolean freeLabel = setting.type() == Type.PREFIX && !setting.isTemplate();
            table.append("| `").append(setting.key()).append(freeLabel ? ".<label>`" : "`")
                    .append(" | ").append(defaultCell(setting))
                    .append(" | ").append(setting.secret() ? "yes" : "")
                    .append(" | ").append(meaning(setting).replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }

    private static String defaultCell(Setting setting) {
        if (setting.defaultValue().isPresent()) {
            return "`" + setting.defaultValue().get() + "`";
        }
        return setting.required() ? "required" : "–";
    }

    private static String meaning(Setting setting) {
        StringBuilder meaning = new StringBuilder(setting.description());
        if (setting.type() == Type.CHOICE) {
            meaning.append(" One of ").append(setting.choices().stream().sorted().map(choice -> "`" + choice + "`")
                    .collect(Collectors.joining(", "))).append('.');
        }
        if (setting.min().isPresent() || setting.max().isPresent()) {
            meaning.append(" Range: ").append(range(setting)).append('.');
        }
        if (setting.type() == Type.DURATION) {
            meaning.append(" A duration (`250ms`, `2s`, `1m`).");
        }
        return meaning.toString();
    }

    /**
     * Collects settings in README order. {@link #required()} and {@link #headerSafe()} apply to the setting added
     * last. A {@code null} default means none.
     */
    public static final class Builder {

        private final List<Setting> settings = new ArrayList<>();

        private Builder() {
        }

        public Builder string(String key, String description, String defaultValue) {
            return add(key, description, defaultValue, false, Type.STRING, Set.of(), null, null);
        }

        /** A secret string (an API key): printed as {@code ****}, and fed to the kit's leak checks. */
        public Builder secret(String key, String description) {
            return add(key, description, null, true, Type.STRING, Set.of(), null, null);
        }

        /** An http(s) base URL without query or fragment. */
        public Builder url(String key, String description, String defaultValue) {
            return add(key, description, defaultValue, false, Type.URL, Set.of(), null, null);
        }

        public Builder choice(String key, String description, String defaultValue, String... values) {
            if (defaultValue != null && !List.of(values).contains(defaultValue)) {
                throw new IllegalArgumentException(key + ": default " + defaultValue + " is not a choice");
            }
            return add(key, description, defaultValue, false, Type.CHOICE, Set.of(values), null, null);
        }

        /** {@code max} {@link Integer#MAX_VALUE} means no upper bound. */
        public Builder integer(String key, String description, Integer defaultOrNull, int min, int max) {
            return add(key, description, defaultOrNull == null ? null : defaultOrNull.toString(), false, Type.INT,
                    Set.of(), (double) min, (double) max);
        }

        public Builder number(String key, String description, double defaultValue, double min, double max) {
            return add(key, description, Double.toString(defaultValue), false, Type.DOUBLE, Set.of(), min, max);
        }

        public Builder bool(String key, String description, boolean defaultValue) {
            return add(key, description, Boolean.toString(defaultValue), false, Type.BOOLEAN, Set.of(), null, null);
        }

        /** Comma-separated; {@code defaultValue} written the same way. */
        public Builder list(String key, String description, String defaultValue) {
            return add(key, description, defaultValue, false, Type.LIST, Set.of(), null, null);
        }

        /** {@code defaultValue} written as configuration would ({@code 2s}). */
        public Builder duration(String key, String description, String defaultValue) {
            return add(key, description, defaultValue, false, Type.DURATION, Set.of(), null, null);
        }

        /**
         * Free keys under {@code key.}, e.g. crosswalk overrides; or keys of a shape with a {@code <name>}
         * placeholder, e.g. {@code categories.<category>.terms}.
         */
        public Builder prefix(String key, String description) {
            return add(key, description, null, false, Type.PREFIX, Set.of(), null, null);
        }

        /** The setting added last must be set (it has no default). */
        public Builder required() {
            Setting last = last();
            if (last.defaultValue().isPresent() || last.type() == Type.PREFIX) {
                throw new IllegalArgumentException(last.key() + " has a default or is a prefix: it cannot be required");
            }
            return replaceLast(new Setting(last.key(), last.description(), last.defaultValue(), last.secret(),
                    last.type(), last.choices(), true, last.headerSafe(), last.min(), last.max()));
        }

        /** The setting added last travels in an HTTP header. */
        public Builder headerSafe() {
            Setting last = last();
            return replaceLast(new Setting(last.key(), last.description(), last.defaultValue(), last.secret(),
                    last.type(), last.choices(), last.required(), true, last.min(), last.max()));
        }

        public SettingsSpec build() {
            return new SettingsSpec(settings);
        }

        private Builder add(String key, String description, String defaultValue, boolean secret, Type type,
                Set<String> choices, Double min, Double max) {
            if (settings.stream().anyMatch(setting -> setting.key().equals(key))) {
                throw new IllegalArgumentException("setting " + key + " is declared twice");
            }
            if (!key.equals(key.toLowerCase(Locale.ROOT)) || key.isBlank()) {
                throw new IllegalArgumentException("setting keys are lower-case kebab-case, got " + key);
            }
            settings.add(new Setting(key, description, Optional.ofNullable(defaultValue), secret, type, choices, false,
                    false, min == null ? OptionalDouble.empty() : OptionalDouble.of(min),
                    max == null ? OptionalDouble.empty() : OptionalDouble.of(max)));
            return this;
        }

        private Setting last() {
            if (settings.isEmpty()) {
                throw new IllegalStateException("no setting declared yet");
            }
            return settings.get(settings.size() - 1);
        }

        private Builder replaceLast(Setting setting) {
            settings.set(settings.size() - 1, setting);
            return this;
        }
    }
}
