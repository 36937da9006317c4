package dev.warden.spi;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Taxonomy v1: the normalized categories every adapter maps its vendor's labels onto. */
public enum Category {
    HARASSMENT("harassment"),
    HATE("hate"),
    THREAT("threat"),
    SEXUAL("sexual"),
    SEXUAL_MINORS("sexual_minors"),
    VIOLENCE("violence"),
    VIOLENCE_GRAPHIC("violence_graphic"),
    SELF_HARM("self_harm"),
    ILLICIT("illicit"),
    PROFANITY("profanity"),
    TOXICITY("toxicity"),
    SPAM("spam"),
    PII("pii");

    public static final String TAXONOMY_VERSION = "v1";

    private static final Map<String, Category> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Category::wireName, Function.identity()));

    private final String wireName;

    Category(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the API and in configuration, e.g. {@code self_harm}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Category> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
