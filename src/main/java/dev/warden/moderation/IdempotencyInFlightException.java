package dev.warden.moderation;

import java.time.Duration;

/**
 * Another request with the same Idempotency-Key is still being answered and did not finish within this request's
 * wait; {@code retryAfter} is when the other request's claim expires, by which time a retry gets an answer.
 */
public class IdempotencyInFlightException extends RuntimeException {

    private final Duration retryAfter;

    public IdempotencyInFlightException(String idempotencyKey, Duration retryAfter) {
        super("A request with Idempotency-Key '" + idempotencyKey + "' is still in progress", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
