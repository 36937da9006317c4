package dev.warden.resilience;

import java.util.function.LongSupplier;

/**
 * Caps retries at a fraction of a provider's recent requests (plus a small floor), over a sliding window of ten
 * one-second buckets, so that an outage never multiplies the load on a vendor: with budget {@code b} and floor
 * {@code f}, calls in any window stay at most {@code (1 + b) × requests + f}.
 */
public final class RetryBudget {

    static final int BUCKETS = 10;
    private static final long BUCKET_MILLIS = 1_000;

    private final double ratio;
    private final int floor;
    private final LongSupplier clockMillis;
    private final long[] bucketStart = new long[BUCKETS];
    private final long[] requests = new long[BUCKETS];
    private final long[] retries = new long[BUCKETS];

    public RetryBudget(double ratio, int floor) {
        this(ratio, floor, System::currentTimeMillis);
    }

    RetryBudget(double ratio, int floor, LongSupplier clockMillis) {
        this.ratio = ratio;
        this.floor = floor;
        this.clockMillis = clockMillis;
    }

    public synchronized void recordRequest() {
        requests[bucket()]++;
    }

    /** Takes one retry from the budget if there is one left. */
    public synchronized boolean tryRetry() {
        int current = bucket();
        long recentRequests = 0;
        long recentRetries = 0;
        for (int i = 0; i < BUCKETS; i++) {
            recentRequests += requests[i];
            recentRetries += retries[i];
        }
        if (recentRetries + 1 > floor + ratio * recentRequests) {
            return false;
        }
        retries[current]++;
        return true;
    }

    public synchronized Snapshot snapshot() {
        bucket();
        long recentRequests = 0;
        long recentRetries = 0;
        for (int i = 0; i < BUCKETS; i++) {
            recentRequests += requests[i];
            recentRetries += retries[i];
        }
        return new Snapshot(recentRequests, recentRetries);
    }

    /** Requests and retries in the last ten seconds. */
    public record Snapshot(long requests, long retries) {
    }

    private int bucket() {
        long now = clockMillis.getAsLong();
        long second = now / BUCKET_MILLIS;
        int index = (int) (second % BUCKETS);
        if (bucketStart[index] != second) {
            bucketStart[index] = second;
            requests[index] = 0;
            retries[index] = 0;
        }
        // Buckets not touched for a whole window still hold old counts; clear them.
        for (int i = 0; i < BUCKETS; i++) {
            if (second - bucketStart[i] >= BUCKETS) {
                bucketStart[i] = second - BUCKETS;
                requests[i] = 0;
                retries[i] = 0;
            }
        }
        return index;
    }
}
