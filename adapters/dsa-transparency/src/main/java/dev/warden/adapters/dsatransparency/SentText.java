package dev.warden.adapters.dsatransparency;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ConfidentialText;

/**
 * What one call sent that a partner message must not repeat: the token and the statements' free text (facts,
 * explanations, grounds, identities). Two rules: any text of the partner's goes through {@link ConfidentialText}
 * (an 8-character run shared with what was sent withholds it); the DSA's validation messages are Laravel templates
 * that name the field and the rule ("The selected automated decision is invalid.") and never the value, but share
 * field words with almost any facts ("automated", "decision"), so they are withheld only when they repeat the start
 * of a sent value, or the token.
 */
final class SentText {

    /** Long enough that a field name in a template never matches a value's start by chance. */
    private static final int ECHO_LENGTH = 24;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ClassificationInput NO_INPUT = new ClassificationInput(List.of());

    private final ConfidentialText strict;
    private final List<String> echoes;

    private SentText(ConfidentialText strict, List<String> echoes) {
        this.strict = strict;
        this.echoes = echoes;
    }

    static SentText of(String token, List<String> values) {
        List<String> echoes = values.stream().map(SentText::normalized)
                .map(value -> value.substring(0, Math.min(value.length(), ECHO_LENGTH)))
                .filter(value -> !value.isBlank()).toList();
        return new SentText(ConfidentialText.of(NO_INPUT, token).with(values.toArray(String[]::new)),
                Stream.concat(echoes.stream(), Stream.of(normalized(token)))
                        .toList());
    }

    /** Any partner text (a 5xx body, a 429's), on one bounded line or withheld. */
    String shareable(String partnerText) {
        return strict.shareable(partnerText);
    }

    /** A DSA validation message, on one bounded line, withheld when it repeats a sent value. */
    String validation(String partnerMessage) {
        String bounded = ConfidentialText.of(NO_INPUT).shareable(partnerMessage);
        String seen = normalized(bounded);
        return echoes.stream().anyMatch(seen::contains) ? ConfidentialText.WITHHELD : bounded;
    }

    private static String normalized(String text) {
        return WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
