package dev.warden.work;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

import dev.warden.spi.RetryAfter;

/**
 * When to try a failed row again: exponential backoff with full jitter (a uniformly random delay between zero and
 * {@code min(max-backoff, initial-backoff × 2^(attempt-1))}), so replicas retrying one destination spread out
 * instead of arriving together; never sooner than the destination asked with {@code Retry-After}.
 */
final class RetryCurve {

    /** 2^62 already exceeds any Duration ceiling that fits in nanoseconds; larger exponents only overflow. */
    private static final int MAX_DOUBLINGS = 62;

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    RetryCurve(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The ceiling of the delay after attempt number {@code attempt} (1 for the first) failed. */
    Duration ceiling(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), MAX_DOUBLINGS);
        long maxNanos = max.toNanos();
        long initialNanos = initial.toNanos();
        return Duration.ofNanos(initialNanos > (maxNanos >> doublings) ? maxNanos : initialNanos << doublings);
    }

    /** The delay before the next attempt, after attempt number {@code attempt} failed. */
    Duration delay(int attempt, Optional<Duration> retryAfter) {
        long ceilingNanos = ceiling(attempt).toNanos();
        Duration jittered = Duration.ofNanos(ceilingNanos == 0 ? 0 : random.nextLong(ceilingNanos + 1));
        Duration asked = retryAfter.map(RetryAfter::clamp).orElse(Duration.ZERO);
        return jittered.compareTo(asked) >= 0 ? jittered : asked;
    }
}
