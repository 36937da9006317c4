package dev.warden.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.warden.spi.ProviderException;

/**
 * When to try a failed call again: only for {@code RATE_LIMITED}, {@code UNAVAILABLE} and {@code TIMEOUT}, after
 * the vendor's {@code Retry-After} if it gave one, otherwise after exponential backoff with full jitter; never when
 * the wait would not leave time for another attempt before the deadline.
 */
final class Backoff {

    /** Less time than this before the deadline is not worth another attempt. */
    static final Duration MIN_ATTEMPT_TIME = Duration.ofMillis(20);

    private final GuardSettings.Retry settings;

    Backoff(GuardSettings.Retry settings) {
        this.settings = settings;
    }

    Optional<Duration> delayBeforeRetry(Throwable failure, int retriesDone, Duration remaining) {
        if (retriesDone >= settings.maxRetries() || !(failure instanceof ProviderException vendor)
                || !vendor.kind().retryable()) {
            return Optional.empty();
        }
        Duration delay = vendor.retryAfter().orElseGet(() -> jittered(retriesDone));
        if (delay.plus(MIN_ATTEMPT_TIME).compareTo(remaining) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    private Duration jittered(int retriesDone) {
        long initial = settings.initialDelay().toMillis();
        long cap = settings.maxDelay().toMillis();
        long exponential = retriesDone >= 30 ? cap : Math.min(cap, initial << retriesDone);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(exponential + 1));
    }
}
