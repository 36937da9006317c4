package dev.warden.spi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one call sent that must never come back out in a message: the content's text, its image URLs and the
 * adapter's secrets. Vendors' error messages often quote the input, in whole or in part, and those messages reach
 * callers and the database; every adapter passes a vendor's message through {@link #shareable} before using it.
 * <p>
 * The rule: a message quotes the request when it shares a run of {@value #QUOTED_RUN_LENGTH} characters with any
 * confidential string, compared without regard to case or to how whitespace is laid out. A confidential string
 * shorter than that counts when the message has it as a whole word. An image URL counts without its scheme, so its
 * host, path and query (often a signature) are covered and {@code https://} alone is not.
 */
public final class ConfidentialText {

    /**
     * Long enough that ordinary words rarely trip it, short enough to catch a quoted phone number, e-mail address or
     * signature fragment. A long word shared by the content and a vendor's message withholds that message too, which
     * costs a detail, never a secret.
     */
    public static final int QUOTED_RUN_LENGTH = 8;

    /** Long enough for any vendor explanation seen so far, short enough to keep logs and outcomes readable. */
    public static final int MAX_MESSAGE_LENGTH = 300;

    /** What callers see instead of a message that quotes the request. */
    public static final String WITHHELD = "(the vendor's message is withheld: it quotes the request)";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:(//)?");

    private final List<String> confidential;

    private ConfidentialText(List<String> confidential) {
        this.confidential = confidential;
    }

    /** The text parts and image URLs of {@code input}, and {@code secrets} such as the API key. */
    public static ConfidentialText of(ClassificationInput input, String... secrets) {
        List<String> confidential = new ArrayList<>();
        input.texts().forEach(text -> confidential.add(normalized(text.text())));
        input.images().forEach(image -> confidential.add(URL_SCHEME.matcher(normalized(image.url())).replaceFirst("")));
        for (String secret : secrets) {
            confidential.add(normalized(secret));
        }
        confidential.removeIf(String::isBlank);
        return new ConfidentialText(List.copyOf(confidential));
    }

    /** These confidential strings and {@code more} (an AWS access key id, Sightengine's {@code api_user}). */
    public ConfidentialText with(String... more) {
        List<String> all = new ArrayList<>(confidential);
        for (String secret : more) {
            all.add(normalized(secret));
        }
        all.removeIf(String::isBlank);
        return new ConfidentialText(List.copyOf(all));
    }

    /**
     * A vendor's message as callers may see it: on one line, at most {@value #MAX_MESSAGE_LENGTH} characters, or
     * {@link #WITHHELD} when what would be shown quotes the request.
     */
    public String shareable(String vendorMessage) {
        String oneLine = WHITESPACE.matcher(vendorMessage).replaceAll(" ").trim();
        String bounded = oneLine.length() <= MAX_MESSAGE_LENGTH ? oneLine
                : oneLine.substring(0, MAX_MESSAGE_LENGTH) + "…";
        return isQuotedIn(bounded) ? WITHHELD : bounded;
    }

    /** Whether {@code text} quotes any confidential string, by the rule in the class comment. */
    public boolean isQuotedIn(String text) {
        String message = normalized(text);
        Set<String> runs = runsOf(message);
        for (String secret : confidential) {
            if (secret.length() < QUOTED_RUN_LENGTH ? containsWord(message, secret) : sharesARun(secret, runs)) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String text) {
        return WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Every run of the message, kept in a set: messages are short, content may be long, so content is scanned once. */
    private static Set<String> runsOf(String message) {
        Set<String> runs = new HashSet<>();
        for (int at = 0; at + QUOTED_RUN_LENGTH <= message.length(); at++) {
            runs.add(message.substring(at, at + QUOTED_RUN_LENGTH));
        }
        return runs;
    }

    private static boolean sharesARun(String secret, Set<String> messageRuns) {
        for (int at = 0; at + QUOTED_RUN_LENGTH <= secret.length(); at++) {
            if (messageRuns.contains(secret.substring(at, at + QUOTED_RUN_LENGTH))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String message, String word) {
        for (int at = message.indexOf(word); at >= 0; at = message.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isLetterOrDigit(message.charAt(at - 1)))
                    && (end == message.length() || !Character.isLetterOrDigit(message.charAt(end)))) {
                return true;
            }
        }
        return false;
    }
}
