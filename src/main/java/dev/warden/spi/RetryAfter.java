package dev.warden.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what a vendor asks us to wait: an HTTP {@code Retry-After} (delay-seconds or an HTTP-date, RFC 9110
 * §10.2.3), or a vendor's millisecond variant. Vendors are not trusted to send sane values: every wait is at most
 * {@link #MAX_WAIT}, so no later arithmetic on it can overflow, and a value that is not a wait at all is ignored.
 */
public final class RetryAfter {

    /**
     * The longest wait a vendor can ask for. Far beyond any request deadline, so it still means "not within this
     * request", and small enough that adding to it or converting it to milliseconds can never overflow.
     */
    public static final Duration MAX_WAIT = Duration.ofDays(1);

    /** RFC 9110: {@code delay-seconds = 1*DIGIT}. No sign, no fraction. */
    private static final Pattern DELAY_SECONDS = Pattern.compile("\\d+");

    /** Whole milliseconds, optionally with a fraction; no sign, no exponent. */
    private static final Pattern MILLIS = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

    /** More digits than this may not fit in a {@code long}; such a number is beyond {@link #MAX_WAIT} anyway. */
    private static final int MAX_EXACT_DIGITS = 18;

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value) {
        return parse(value, Clock.systemUTC());
    }

    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (DELAY_SECONDS.matcher(trimmed).matches()) {
            return Optional.of(bounded(trimmed, ChronoUnit.SECONDS));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(clamp(delay));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /**
     * A wait in milliseconds, fractions allowed, as some vendors send it in a header of their own (OpenAI's
     * {@code retry-after-ms}). A fraction rounds up: waiting a little longer than asked never earns a second throttle.
     */
    public static Optional<Duration> parseMillis(String value) {
        Matcher millis = MILLIS.matcher(value == null ? "" : value.trim());
        if (!millis.matches()) {
            return Optional.empty();
        }
        Duration whole = bounded(millis.group(1), ChronoUnit.MILLIS);
        boolean fraction = millis.group(2) != null && millis.group(2).chars().anyMatch(digit -> digit != '0');
        return Optional.of(fraction ? clamp(whole.plusMillis(1)) : whole);
    }

    /** {@code digits} of {@code unit}, at most {@link #MAX_WAIT}; compared as text first, so any length is safe. */
    private static Duration bounded(String digits, ChronoUnit unit) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() > MAX_EXACT_DIGITS) {
            return MAX_WAIT;
        }
        long amount = Long.parseLong(significant);
        return amount >= MAX_WAIT.dividedBy(unit.getDuration()) ? MAX_WAIT : Duration.of(amount, unit);
    }

    /** Any wait, however absurd, as one that can be waited: not negative, at most {@link #MAX_WAIT}. */
    public static Duration clamp(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
