package dev.warden.work;

import java.time.Duration;
import java.util.Optional;

/**
 * How one attempt at a {@link WorkItem} ended, as its {@link WorkHandler} judged it. The worker stores it as an
 * attempt (with the time and duration it measured) and moves the row on: done, retried later, or stopped for good.
 */
public sealed interface AttemptResult {

    /** What the destination answered, if it answered over HTTP. */
    Optional<Integer> httpStatus();

    /** Done, without an HTTP exchange to report (a job completed, an event processed). */
    static AttemptResult done() {
        return Done.WITHOUT_EXCHANGE;
    }

    /** Stopped for good, without an HTTP exchange to report (the row names nothing Warden can still act on). */
    static AttemptResult stop(String error) {
        return new Stop(Optional.empty(), error);
    }

    /** The work is done (a callback answered 2xx, a job completed). */
    record Done(Optional<Integer> httpStatus) implements AttemptResult {

        private static final Done WITHOUT_EXCHANGE = new Done(Optional.empty());
    }

    /**
     * Worth trying again (429, 5xx, timeout, connection refused): after the backoff curve's next delay, and not
     * before {@code retryAfter} when the destination asked for one.
     */
    record Retry(Optional<Integer> httpStatus, String error, Optional<Duration> retryAfter) implements AttemptResult {
    }

    /** Never worth trying again (410 Gone, a refused address, a permanent rejection): the row ends stopped. */
    record Stop(Optional<Integer> httpStatus, String error) implements AttemptResult {
    }
}
