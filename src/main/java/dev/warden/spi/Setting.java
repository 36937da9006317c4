package dev.warden.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One documented provider setting ({@code warden.providers.<id>.<key>}): what it means, its default, whether it is a
 * secret (never printed) and how its value is checked. Built with {@link SettingsSpec#builder()}.
 *
 * @param choices    the allowed values of a {@link Type#CHOICE}
 * @param headerSafe the value travels in an HTTP header: no whitespace or control characters
 * @param min        the lowest value of an {@link Type#INT} or {@link Type#DOUBLE}
 * @param max        the highest value of an {@link Type#INT} or {@link Type#DOUBLE}
 */
public record Setting(String key, String description, Optional<String> defaultValue, boolean secret, Type type,
        Set<String> choices, boolean required, boolean headerSafe, OptionalDouble min, OptionalDouble max) {

    public enum Type {
        STRING,
        /** An http(s) base URL without query or fragment: the adapter appends its paths. */
        URL,
        INT,
        DOUBLE,
        BOOLEAN,
        /** {@code 250ms}, {@code 2s}, {@code 1m} or ISO-8601. */
        DURATION,
        /** Comma-separated; {@code \,} keeps a literal comma. */
        LIST,
        CHOICE,
        /** Free keys under {@code <key>.}, e.g. crosswalk overrides {@code labels.<vendor-label>}. */
        PREFIX
    }

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        choices = Set.copyOf(choices);
    }

    /** Whether {@code settingKey} is this setting, or one of its children for a {@link Type#PREFIX}. */
    public boolean covers(String settingKey) {
        return type == Type.PREFIX ? settingKey.startsWith(key + ".") : settingKey.equals(key);
    }

    /** Refuses values that would break or smuggle headers. */
    public static boolean isHeaderSafe(String value) {
        return value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }
}
