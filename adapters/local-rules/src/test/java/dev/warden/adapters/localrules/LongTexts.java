package dev.warden.adapters.localrules;

import java.util.Collections;

/** Texts as long as a limit allows, with a term where a limit that cut text short would lose it: at the very end. */
final class LongTexts {

    private static final String FILLER = "the quick brown fox jumps over the lazy dog ";

    private LongTexts() {
    }

    /** Exactly {@code length} characters, the last of which spell {@code term} as a word of its own. */
    static String endingWith(String term, int length) {
        String tail = " " + term;
        return filler(length - tail.length()) + tail;
    }

    /** {@code count} parts of {@code length} characters each; only the last one has {@code term}, at its end. */
    static String[] parts(int count, int length, String term) {
        String[] parts = Collections.nCopies(count, filler(length)).toArray(String[]::new);
        parts[count - 1] = endingWith(term, length);
        return parts;
    }

    private static String filler(int length) {
        return FILLER.repeat(length / FILLER.length() + 1).substring(0, length);
    }
}
