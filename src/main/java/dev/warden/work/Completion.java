package dev.warden.work;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A finished attempt, to be stored with the row's next state: {@code next} is where the row goes, and for
 * {@code pending} it is due again after {@code delay}.
 */
record Completion(Lease lease, AttemptOutcome outcome, DeliveryStatus next, Duration delay,
        Optional<Integer> httpStatus, Optional<String> error, Instant startedAt, long durationMs) {

    /** The longest error text stored: enough for a reason and a vendor's message, never a whole response body. */
    static final int MAX_ERROR_LENGTH = 1000;

    Completion {
        error = error.map(Completion::bounded);
    }

    private static String bounded(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
