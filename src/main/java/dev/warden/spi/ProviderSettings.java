package dev.warden.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adapter-specific settings of one provider: every {@code warden.providers.<id>.<key>} that the core does not
 * consume itself, keyed by {@code <key>}. Reading a key marks it understood; keys nobody read fail start-up, so a
 * misspelled setting is never silently ignored.
 */
public final class ProviderSettings {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    private static final String PROVIDERS = "warden.providers.";

    private final String root;
    private final String providerId;
    private final Map<String, String> values;
    private final Set<String> read = Collections.synchronizedSet(new HashSet<>());

    public ProviderSettings(String providerId, Map<String, String> values) {
        this(PROVIDERS, providerId, values);
    }

    /** Settings under another root, e.g. {@code warden.partners.} for reporting partners. */
    public ProviderSettings(String root, String providerId, Map<String, String> values) {
        this.root = root;
        this.providerId = providerId;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public String providerId() {
        return providerId;
    }

    /** The full name of a key, as messages and the README say it: {@code warden.providers.<id>.<key>}. */
    public String key(String key) {
        return root + providerId + "." + key;
    }

    public Optional<String> get(String key) {
        read.add(key);
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(value -> !value.isEmpty());
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> invalid(key, "is required"));
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public URI uri(String key, String defaultValue) {
        String raw = get(key, defaultValue);
        try {
            URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw invalid(key, "must be an http(s) URL, got '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(key, "must be an http(s) URL, got '" + raw + "'");
        }
    }

    public double getDouble(String key, double defaultValue) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a number, got '" + raw.get() + "'");
        }
    }

    public int getInt(String key, int defaultValue) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number, got '" + raw.get() + "'");
        }
    }

    /** A duration written {@code 250ms}, {@code 2s}, {@code 1m} or ISO-8601 ({@code PT2S}). */
    public Duration getDuration(String key, Duration defaultValue) {
        Optional<String> raw = get(key);
        return raw.isEmpty() ? defaultValue : parseDuration(raw.get(), () -> invalid(key,
                "must be a duration like 250ms, 2s, 1m or PT2S, got '" + raw.get() + "'"));
    }

    public static Duration parseDuration(String raw, Supplier<RuntimeException> onInvalid) {
        Matcher shortForm = SHORT_DURATION.matcher(raw.trim());
        try {
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                return switch (shortForm.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    default -> Duration.ofMinutes(amount);
                };
            }
            Duration parsed = Duration.parse(raw.trim());
            if (parsed.isNegative()) {
                throw onInvalid.get();
            }
            return parsed;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw onInvalid.get();
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> raw = get(key);
        return raw.isEmpty() ? defaultValue : parseBoolean(raw.get(), () -> invalid(key,
                "must be true or false, got '" + raw.get() + "'"));
    }

    /** Strict: only {@code true} or {@code false} (any case); anything else is a configuration mistake. */
    public static boolean parseBoolean(String raw, Supplier<RuntimeException> onInvalid) {
        if ("true".equalsIgnoreCase(raw.trim())) {
            return true;
        }
        if ("false".equalsIgnoreCase(raw.trim())) {
            return false;
        }
        throw onInvalid.get();
    }

    /** A comma-separated list; {@code \,} keeps a literal comma inside an element. Empty elements are dropped. */
    public List<String> getList(String key) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String text = raw.get();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
                current.append(',');
                i++;
            } else if (c == ',') {
                addTrimmed(items, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addTrimmed(items, current);
        return List.copyOf(items);
    }

    private static void addTrimmed(List<String> items, StringBuilder item) {
        String trimmed = item.toString().trim();
        if (!trimmed.isEmpty()) {
            items.add(trimmed);
        }
    }

    /** The names directly under a prefix: {@code children("categories")} of {@code categories.hate.terms} is {@code hate}. */
    public Set<String> children(String prefix) {
        String start = prefix + ".";
        Set<String> names = new TreeSet<>();
        for (String key : values.keySet()) {
            if (key.startsWith(start)) {
                String rest = key.substring(start.length());
                int dot = rest.indexOf('.');
                names.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return names;
    }

    /**
     * The full remainder of every key under a prefix, dots kept: {@code keysUnder("labels")} of
     * {@code labels.nudity.erotica} is {@code nudity.erotica}. For settings keyed by a vendor label.
     */
    public Set<String> keysUnder(String prefix) {
        String start = prefix + ".";
        Set<String> names = new TreeSet<>();
        values.keySet().stream().filter(key -> key.startsWith(start) && key.length() > start.length())
                .forEach(key -> names.add(key.substring(start.length())));
        return names;
    }

    /** Every key someone asked for, present in configuration or not: what an adapter reads. */
    public Set<String> requested() {
        synchronized (read) {
            return new TreeSet<>(read);
        }
    }

    /** Keys present in configuration that no one has read. */
    public Set<String> unread() {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }

    public InvalidSettingsException invalid(String key, String problem) {
        return new InvalidSettingsException(key(key) + " " + problem);
    }
}
