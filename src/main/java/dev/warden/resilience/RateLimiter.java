package dev.warden.resilience;

import java.util.function.LongSupplier;

/** At most {@code perSecond} calls in each fixed one-second window; zero means no limit. */
final class RateLimiter {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int perSecond;
    private final LongSupplier clockNanos;
    private long windowStart;
    private int used;

    RateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    RateLimiter(int perSecond, LongSupplier clockNanos) {
        this.perSecond = perSecond;
        this.clockNanos = clockNanos;
        this.windowStart = clockNanos.getAsLong();
    }

    synchronized boolean tryAcquire() {
        if (perSecond == 0) {
            return true;
        }
        long now = clockNanos.getAsLong();
        if (now - windowStart >= WINDOW_NANOS) {
            windowStart = now;
            used = 0;
        }
        if (used >= perSecond) {
            return false;
        }
        used++;
        return true;
    }
}
