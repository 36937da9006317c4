package dev.warden.bench.loadgen;

import java.time.Duration;

/**
 * The intended send times of a constant-rate phase: request i is due i/rate seconds after the phase starts.
 * Times are fixed up front and never shift, so a late send shows up as latency instead of a lower rate.
 */
final class ArrivalSchedule {

    private final double intervalNanos;
    private final long requestCount;

    ArrivalSchedule(double ratePerSecond, Duration duration) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        this.intervalNanos = 1e9 / ratePerSecond;
        this.requestCount = Math.round(ratePerSecond * Durations.seconds(duration));
    }

    long requestCount() {
        return requestCount;
    }

    /** Nanoseconds after the phase start at which request {@code index} should be sent. */
    long intendedOffsetNanos(long index) {
        return (long) (index * intervalNanos);
    }

    /** How many requests (counted from 0) are due once {@code elapsedNanos} have passed since the start. */
    long dueCount(long elapsedNanos) {
        if (elapsedNanos < 0) {
            return 0;
        }
        // Estimate by division, then correct by one either way so the answer agrees exactly with
        // intendedOffsetNanos despite floating-point rounding.
        long due = Math.min(requestCount, (long) (elapsedNanos / intervalNanos) + 1);
        while (due > 0 && intendedOffsetNanos(due - 1) > elapsedNanos) {
            due--;
        }
        while (due < requestCount && intendedOffsetNanos(due) <= elapsedNanos) {
            due++;
        }
        return due;
    }
}
