package dev.warden.bench.loadgen.backbone;

import dev.warden.bench.loadgen.LatencySummary;

import java.util.Map;

/**
 * What one phase measured. {@code deliveriesPerSecond}: rows delivered over the time from the first commit to the last
 * delivery. {@code commitToDeliveryMs}: from the acknowledged commit of a row to its first successful request at the
 * sink. {@code databaseCommitToFinishedMs}: p50 and p99 of {@code finished_at - created_at} on PostgreSQL's clock,
 * which adds Warden's completion write to the delivery. {@code enqueueRate} and {@code lateEnqueues} judge the
 * enqueuer.
 */
record PhaseResult(String name, double targetRate, int queued, double enqueueRate, long lateEnqueues, long delivered,
        boolean complete, double seconds, double deliveriesPerSecond, LatencySummary commitToDeliveryMs,
        Map<String, Double> databaseCommitToFinishedMs, Map<String, Long> attemptsByWorker, long retries) {
}
