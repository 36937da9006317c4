package dev.warden.bench.loadgen;

import java.util.List;

/**
 * The JSON report of the saturate mode.
 *
 * @param bestRate         highest target rate that passed; null if even the start rate failed
 * @param stopReason       the failed criterion of the final step, or "max_rate_reached"
 * @param generatorLagged  any step lagged; the search then partly measured the generator, not the target
 */
record SaturationReport(String label, String url, double latencyBoundMs, Double bestRate, Double bestAchievedRate,
                        String stopReason, boolean generatorLagged, List<SaturationStep> steps) {
}
