package dev.warden.work.packaged;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the requests of a loopback server while it is closed, so a Warden process has calls in flight (and leases
 * held) when the test kills it. Open by default.
 */
final class Gate {

    /** A held request is answered after this even if nobody opens the gate: no test leaves threads behind forever. */
    private static final long LONGEST_HOLD_SECONDS = 120;

    private volatile CountDownLatch closed = new CountDownLatch(0);
    private final AtomicInteger waiting = new AtomicInteger();

    /** From now on, requests wait at the gate until {@link #release()}. */
    void hold() {
        closed = new CountDownLatch(1);
    }

    void release() {
        closed.countDown();
    }

    /** How many requests wait at the gate now. */
    int held() {
        return waiting.get();
    }

    /** Returns at once when open; otherwise when it opens. */
    void pass() {
        CountDownLatch latch = closed;
        if (latch.getCount() == 0) {
            return;
        }
        waiting.incrementAndGet();
        try {
            latch.await(LONGEST_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
    }
}
