package dev.warden.api.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One client's request rate, as the generic cell rate algorithm keeps it: a single "theoretical arrival time" that
 * each admitted request pushes one emission interval further, and a burst of one second's worth of requests. One
 * atomic number per client, no timer and no lock, so the check costs nothing measurable on the request path.
 */
final class RequestRate {

    private static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();

    private final long intervalNanos;
    private final long toleranceNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong theoreticalArrival;

    /** {@code perSecond} is positive and finite (checked where the setting is read). */
    RequestRate(double perSecond, LongSupplier nanoTime) {
        this.intervalNanos = Math.max(1, Math.round(SECOND_NANOS / perSecond));
        long burst = Math.max(1, (long) Math.floor(perSecond));
        this.toleranceNanos = (burst - 1) * intervalNanos;
        this.nanoTime = nanoTime;
        this.theoreticalArrival = new AtomicLong(nanoTime.getAsLong());
    }

    /** Admits a request (empty) or says how long until one would be admitted. */
    Optional<Duration> admit() {
        long now = nanoTime.getAsLong();
        while (true) {
            long arrival = theoreticalArrival.get();
            long start = arrival - now > 0 ? arrival : now;
            long early = start - now - toleranceNanos;
            if (early > 0) {
                return Optional.of(Duration.ofNanos(early));
            }
            if (theoreticalArrival.compareAndSet(arrival, start + intervalNanos)) {
                return Optional.empty();
            }
        }
    }
}
