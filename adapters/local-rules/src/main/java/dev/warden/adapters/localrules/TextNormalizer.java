package dev.warden.adapters.localrules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Undoes the usual ways people disguise a word, so that one spelling of a term catches its variants. The same
 * normalization is applied to the terms and to the text, so both meet in one form.
 * <p>
 * {@link #forPatterns} keeps the text's characters (an e-mail address must stay an e-mail address);
 * {@link #words} goes further and reads the text as a list of plain Latin words.
 */
final class TextNormalizer {

    /** Format characters (zero-width spaces and joiners, soft hyphens, direction marks) render as nothing. */
    private static final Pattern INVISIBLES = Pattern.compile("\\p{Cf}+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    /**
     * Cyrillic and Greek letters that look like Latin ones, as pairs (lookalike, Latin). Mapped before lower-casing,
     * because a capital and its small letter can look like different Latin letters (Greek Eta is H, eta is n).
     */
    private static final Map<Character, Character> CONFUSABLES = pairs(""
            // Cyrillic capitals: А В Е К М Н О Р С Т Х У І Ј Ѕ
            + "\u0410A\u0412B\u0415E\u041AK\u041CM\u041DH\u041EO\u0420P\u0421C\u0422T\u0425X\u0423Y"
            + "\u0406I\u0408J\u0405S"
            // Cyrillic small letters: а е о р с х у і ј ѕ к ԁ һ ӏ ԛ ԝ
            + "\u0430a\u0435e\u043Eo\u0440p\u0441c\u0445x\u0443y\u0456i\u0458j\u0455s\u043Ak"
            + "\u0501d\u04BBh\u04CFl\u051Bq\u051Dw"
            // Greek capitals: Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ
            + "\u0391A\u0392B\u0395E\u0396Z\u0397H\u0399I\u039AK\u039CM\u039DN\u039FO\u03A1P\u03A4T"
            + "\u03A5Y\u03A7X"
            // Greek small letters: α ε η ι κ ν ο ρ τ υ χ γ ω ϲ ϳ
            + "\u03B1a\u03B5e\u03B7n\u03B9i\u03BAk\u03BDv\u03BFo\u03C1p\u03C4t\u03C5u\u03C7x\u03B3y\u03C9w"
            + "\u03F2c\u03F3j"
            // Latin letters whose stroke is not a combining mark: ı ł Ł ø Ø đ Đ ħ
            + "\u0131i\u0142l\u0141L\u00F8o\u00D8O\u0111d\u0110D\u0127h");

    private static final Map<Character, Character> LEETSPEAK = pairs("0o1i3e4a5s7t@a$s");

    /** Also punctuation: read as letters only when a letter or digit follows ("sh!t"), never at a word's end. */
    private static final Map<Character, Character> LEETSPEAK_BEFORE_LETTERS = pairs("!i|l");

    /** Case-folded, compatibility-normalized text (fullwidth and styled letters become plain ones). */
    String forPatterns(String text) {
        return compatible(text).toLowerCase(Locale.ROOT);
    }

    /**
     * The text as lower-case Latin words: accents removed, lookalike letters and leetspeak decoded, and letters
     * spelled out one by one ("h.a.t.e", "i d i o t") joined back into a word.
     */
    List<String> words(String text) {
        String unaccented = COMBINING_MARKS.matcher(Normalizer.normalize(compatible(text), Normalizer.Form.NFD))
                .replaceAll("");
        String latin = replace(unaccented, CONFUSABLES).toLowerCase(Locale.ROOT);
        return joinSpelledOutLetters(pieces(decodeLeetspeak(latin)));
    }

    private static String compatible(String text) {
        return Normalizer.normalize(INVISIBLES.matcher(text).replaceAll(""), Normalizer.Form.NFKC);
    }

    private static String replace(String text, Map<Character, Character> replacements) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = replacements.getOrDefault(chars[i], chars[i]);
        }
        return new String(chars);
    }

    /** Decodes leetspeak per whitespace-delimited chunk, and only in chunks with a letter: a number stays a number. */
    private static String decodeLeetspeak(String text) {
        char[] chars = text.toCharArray();
        int start = 0;
        while (start < chars.length) {
            int end = start;
            while (end < chars.length && !Character.isWhitespace(chars[end])) {
                end++;
            }
            if (containsLetter(chars, start, end)) {
                decodeChunk(chars, start, end);
            }
            start = end + 1;
        }
        return new String(chars);
    }

    private static boolean containsLetter(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetter(chars[i])) {
                return true;
            }
        }
        return false;
    }

    private static void decodeChunk(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            Character letter = LEETSPEAK.get(chars[i]);
            if (letter == null && i + 1 < end && Character.isLetterOrDigit(chars[i + 1])) {
                letter = LEETSPEAK_BEFORE_LETTERS.get(chars[i]);
            }
            if (letter != null) {
                chars[i] = letter;
            }
        }
    }

    /** Maximal runs of letters and digits; everything else separates them. */
    private static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            pieces.add(new Piece(text.substring(start, i), start));
        }
        return pieces;
    }

    /**
     * Joins runs of single characters that are one separator apart ("h.a.t.e" becomes "hate"). Requiring exactly one
     * separator keeps ordinary text apart: in "Plan B. I will" the B and the I stay two words.
     */
    private static List<String> joinSpelledOutLetters(List<Piece> pieces) {
        List<String> words = new ArrayList<>(pieces.size());
        int first = 0;
        while (first < pieces.size()) {
            int next = first + 1;
            while (next < pieces.size() && pieces.get(next - 1).spellsOnWith(pieces.get(next))) {
                next++;
            }
            StringBuilder word = new StringBuilder();
            pieces.subList(first, next).forEach(piece -> word.append(piece.text()));
            words.add(word.toString());
            first = next;
        }
        return words;
    }

    private static Map<Character, Character> pairs(String lookalikeThenReplacement) {
        Map<Character, Character> pairs = new HashMap<>();
        for (int i = 0; i + 1 < lookalikeThenReplacement.length(); i += 2) {
            pairs.put(lookalikeThenReplacement.charAt(i), lookalikeThenReplacement.charAt(i + 1));
        }
        return Map.copyOf(pairs);
    }

    /** A run of letters and digits, and where it starts in the text. */
    private record Piece(String text, int start) {

        /** Whether this and {@code next} are single characters with exactly one separator between them. */
        boolean spellsOnWith(Piece next) {
            return text.length() == 1 && next.text.length() == 1 && next.start - end() == 1;
        }

        private int end() {
            return start + text.length();
        }
    }
}
