package dev.warden.adapters.localrules;

import java.util.ArrayList;
import java.util.List;

/**
 * A word read as runs of one repeated character ("idiooooot" is i, d, i, o×5, t), so that a stretched spelling can be
 * recognised as the term it stretches without collapsing every double letter ("ass" must not become "as").
 */
final class LetterRuns {

    /** Shorter runs are spelling ("moon", "kill"); from this length on a run is emphasis. */
    private static final int STRETCHED = 3;

    private final String skeleton;
    private final int[] lengths;

    private LetterRuns(String skeleton, int[] lengths) {
        this.skeleton = skeleton;
        this.lengths = lengths;
    }

    static LetterRuns of(String word) {
        StringBuilder skeleton = new StringBuilder();
        List<Integer> lengths = new ArrayList<>();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            int start = i;
            while (i < word.length() && word.charAt(i) == c) {
                i++;
            }
            skeleton.append(c);
            lengths.add(i - start);
        }
        return new LetterRuns(skeleton.toString(), lengths.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The word with every run shortened to one character: equal for all spellings that may match each other. */
    String skeleton() {
        return skeleton;
    }

    /**
     * Whether this word (from the text) spells {@code term}: every run as long as the term's, or stretched to
     * {@value #STRETCHED} or more. "idiooot" and "kiiilll" spell "idiot" and "kill"; "kil" does not spell "kill".
     */
    boolean spells(LetterRuns term) {
        if (!skeleton.equals(term.skeleton)) {
            return false;
        }
        for (int i = 0; i < lengths.length; i++) {
            boolean stretched = lengths[i] >= STRETCHED && lengths[i] > term.lengths[i];
            if (lengths[i] != term.lengths[i] && !stretched) {
                return false;
            }
        }
        return true;
    }
}
