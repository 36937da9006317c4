package dev.warden.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>.]+>");

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
        /**
         * Free keys under {@code <key>.}, e.g. crosswalk overrides {@code labels.<vendor-label>}; or, when the key
         * holds a {@code <name>} placeholder ({@code categories.<category>.terms}), the keys of that shape.
         */
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
        if (type != Type.PREFIX) {
            return settingKey.equals(key);
        }
        return isTemplate() ? template().matcher(settingKey).matches() : settingKey.startsWith(key + ".");
    }

    /** The keys a template covers: each placeholder stands for one or more characters, dots included. */
    private Pattern template() {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(key);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(key.substring(at, placeholder.start()))).append(".+");
            at = placeholder.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(key.substring(at))).toString());
    }

    /** A prefix key with a {@code <name>} placeholder. */
    public boolean isTemplate() {
        return PLACEHOLDER.matcher(key).find();
    }

    /** The literal start of a prefix key: {@code categories} of {@code categories.<category>.terms}. */
    public String literalPrefix() {
        if (!isTemplate()) {
            return key;
        }
        String head = key.substring(0, key.indexOf('<'));
        return head.endsWith(".") ? head.substring(0, head.length() - 1) : head;
    }

    /** Refuses values that would break or smuggle headers. */
    public static boolean isHeaderSafe(String value) {
        return value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }
}
