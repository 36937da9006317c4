package dev.warden.bench.loadgen;

/**
 * How late the generator itself sends requests compared to their intended times. Latency is charged from the
 * intended time, so if the generator stalls (GC, CPU starved by the target on the same machine) the target
 * would be blamed; this keeps the evidence needed to say otherwise.
 */
final class DispatchLag {

    static final long TOLERATED_LAG_NANOS = 10_000_000;
    static final double TOLERATED_LATE_FRACTION = 0.01;

    private long dispatched;
    private long late;
    private long maxLagNanos;

    void record(long lagNanos) {
        dispatched++;
        if (lagNanos > TOLERATED_LAG_NANOS) {
            late++;
        }
        maxLagNanos = Math.max(maxLagNanos, lagNanos);
    }

    /** True when more than 1 % of requests left over 10 ms after their intended time. */
    boolean generatorLagged() {
        return late > dispatched * TOLERATED_LATE_FRACTION;
    }

    double maxLagMs() {
        return Rounding.micros(maxLagNanos / 1e6);
    }
}
