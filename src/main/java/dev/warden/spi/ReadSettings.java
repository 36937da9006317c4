package dev.warden.spi;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.warden.spi.Setting.Type;

/**
 * One provider's settings as read and checked by its {@link SettingsSpec}, with defaults applied. Asking for a key
 * the spec does not declare, or as the wrong type, is a programming error ({@link IllegalArgumentException}).
 * {@link #toString()} prints secrets as {@code ****}.
 */
public final class ReadSettings {

    private static final String HIDDEN = "****";

    private final SettingsSpec spec;
    private final ProviderSettings source;
    private final Map<String, Object> values;

    ReadSettings(SettingsSpec spec, ProviderSettings source, Map<String, Object> values) {
        this.spec = spec;
        this.source = source;
        this.values = Map.copyOf(values);
    }

    /** A {@code STRING}, {@code CHOICE} or secret setting that is set or has a default. */
    public String string(String key) {
        return optional(key).orElseThrow(() -> new IllegalArgumentException(key + " is not set and has no default"));
    }

    public Optional<String> optional(String key) {
        return typed(key, String.class, Type.STRING, Type.CHOICE);
    }

    public URI url(String key) {
        return optionalUrl(key).orElseThrow(() -> new IllegalArgumentException(key + " is not set and has no default"));
    }

    public Optional<URI> optionalUrl(String key) {
        return typed(key, URI.class, Type.URL);
    }

    public int integer(String key) {
        return typed(key, Integer.class, Type.INT).orElseThrow();
    }

    public double number(String key) {
        return typed(key, Double.class, Type.DOUBLE).orElseThrow();
    }

    public boolean bool(String key) {
        return typed(key, Boolean.class, Type.BOOLEAN).orElseThrow();
    }

    public Optional<Duration> duration(String key) {
        return typed(key, Duration.class, Type.DURATION);
    }

    /** Empty when neither set nor defaulted. */
    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        return typed(key, List.class, Type.LIST).orElse(List.of());
    }

    /** The children of a {@code PREFIX} setting: the rest of each key after {@code key.}, to its value. */
    @SuppressWarnings("unchecked")
    public Map<String, String> children(String key) {
        return typed(key, Map.class, Type.PREFIX).orElse(Map.of());
    }

    /** The values of every secret setting that is set: what no message, log or {@code toString()} may contain. */
    public String[] secretValues() {
        return spec.settings().stream().filter(Setting::secret).map(setting -> values.get(setting.key()))
                .filter(String.class::isInstance).map(String.class::cast).toArray(String[]::new);
    }

    /** The settings these were read from, for readers that need them (e.g. crosswalk overrides). */
    public ProviderSettings source() {
        return source;
    }

    public InvalidSettingsException invalid(String key, String problem) {
        return source.invalid(key, problem);
    }

    private <T> Optional<T> typed(String key, Class<T> javaType, Type... types) {
        Setting setting = spec.setting(key).orElseThrow(() -> new IllegalArgumentException(key
                + " is not a declared setting"));
        if (!List.of(types).contains(setting.type())) {
            throw new IllegalArgumentException(key + " is a " + setting.type() + " setting");
        }
        return Optional.ofNullable(values.get(key)).map(javaType::cast);
    }

    @Override
    public String toString() {
        return spec.settings().stream().filter(setting -> values.containsKey(setting.key()))
                .map(setting -> setting.key() + "=" + (setting.secret() ? HIDDEN : values.get(setting.key())))
                .collect(Collectors.joining(", ", "ReadSettings[" + source.providerId() + ": ", "]"));
    }
}
