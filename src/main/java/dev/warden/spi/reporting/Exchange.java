package dev.warden.spi.reporting;

import java.util.Objects;
import java.util.Optional;

/**
 * What one exchange with a partner showed, as an operator reads it in a report's attempts. Never content, never
 * credentials: {@code message} is the adapter's summary or the partner's own message about the item.
 *
 * @param partnerCode the partner's code (NCMEC {@code responseCode}), when it answers one
 * @param requestId   the partner's request id (NCMEC {@code Request-ID}), for support tickets
 */
public record Exchange(Optional<Integer> httpStatus, Optional<String> partnerCode, Optional<String> requestId,
        String message) {

    /** Longest message kept; a partner's text beyond it is cut. */
    public static final int MAX_MESSAGE = 1000;

    public Exchange {
        Objects.requireNonNull(message, "message");
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }

    public static Exchange of(int httpStatus, String message) {
        return new Exchange(Optional.of(httpStatus), Optional.empty(), Optional.empty(), message);
    }

    /** For failures before any answer: connection refused, timeout. */
    public static Exchange noAnswer(String message) {
        return new Exchange(Optional.empty(), Optional.empty(), Optional.empty(), message);
    }
}
