package dev.warden.bench.loadgen;

import java.util.Map;

/** Hand-made {@link RunStats} for tests that exercise the shaping of results, not the sending. */
final class TestRuns {

    private TestRuns() {
    }

    static RunStats run(double targetRate, double achievedRate, long ok, Map<String, Long> errors, double p99) {
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        return new RunStats("label", "http://localhost/", targetRate, 5, achievedRate, ok + errorCount, ok, errors,
                new LatencySummary(p99 / 4, p99 / 2, p99, p99 * 2, p99 * 3, p99 / 3), false, 0.2);
    }

    static RunStats passing(double targetRate) {
        return run(targetRate, targetRate, Math.round(targetRate * 5), Map.of(), 10);
    }
}
