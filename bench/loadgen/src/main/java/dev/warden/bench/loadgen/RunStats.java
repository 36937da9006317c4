package dev.warden.bench.loadgen;

import java.util.Map;

/**
 * The report of one measured phase, shaped exactly as it appears in the JSON.
 *
 * @param achievedRate      2xx responses completed inside the phase's time window, per second
 * @param errors            error kind to count; every request ends up in exactly one of ok and errors
 * @param latencyMs         of 2xx responses only, measured from the intended send time; null if none succeeded
 * @param generatorLagged   the generator itself sent over 1 % of requests more than 10 ms late
 */
record RunStats(String label, String url, double targetRate, double durationS, double achievedRate,
                long sent, long ok, Map<String, Long> errors, LatencySummary latencyMs,
                boolean generatorLagged, double maxGeneratorLagMs) {

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
