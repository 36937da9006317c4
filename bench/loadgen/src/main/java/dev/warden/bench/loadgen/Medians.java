package dev.warden.bench.loadgen;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Builds the report's "median" object: each statistic's median across runs, taken independently, so one
 * noisy run cannot move any number. The generator-lag flag is the exception: it is set if ANY run lagged
 * (with the worst lag), because a median must not hide that part of the data is suspect.
 */
final class Medians {

    private Medians() {
    }

    /** The middle value; for an even count, the mean of the two middle values. */
    static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Counts are rounded to whole requests, which matters only for an even number of runs. */
    static RunStats across(List<RunStats> runs) {
        RunStats first = runs.get(0);
        return new RunStats(
                first.label(),
                first.url(),
                first.targetRate(),
                first.durationS(),
                Rounding.rate(median(runs, RunStats::achievedRate)),
                Math.round(median(runs, RunStats::sent)),
                Math.round(median(runs, RunStats::ok)),
                medianErrors(runs),
                medianLatency(runs),
                runs.stream().anyMatch(RunStats::generatorLagged),
                runs.stream().mapToDouble(RunStats::maxGeneratorLagMs).max().orElse(0));
    }

    /** A kind missing from a run counts as 0 there; kinds seen in any run stay listed, even with median 0. */
    private static Map<String, Long> medianErrors(List<RunStats> runs) {
        TreeSet<String> kinds = new TreeSet<>();
        runs.forEach(run -> kinds.addAll(run.errors().keySet()));
        Map<String, Long> medians = new TreeMap<>();
        for (String kind : kinds) {
            medians.put(kind, Math.round(median(runs, run -> run.errors().getOrDefault(kind, 0L))));
        }
        return Collections.unmodifiableMap(medians);
    }

    /** Over the runs that had any successful response; null if none had. */
    private static LatencySummary medianLatency(List<RunStats> runs) {
        List<LatencySummary> summaries = runs.stream()
                .map(RunStats::latencyMs)
                .filter(summary -> summary != null)
                .toList();
        if (summaries.isEmpty()) {
            return null;
        }
        return new LatencySummary(
                latency(summaries, LatencySummary::p50),
                latency(summaries, LatencySummary::p90),
                latency(summaries, LatencySummary::p99),
                latency(summaries, LatencySummary::p999),
                latency(summaries, LatencySummary::max),
                latency(summaries, LatencySummary::mean));
    }

    private static double latency(List<LatencySummary> summaries, ToDoubleFunction<LatencySummary> statistic) {
        return Rounding.micros(of(summaries.stream().mapToDouble(statistic).toArray()));
    }

    private static double median(List<RunStats> runs, ToDoubleFunction<RunStats> statistic) {
        return of(runs.stream().mapToDouble(statistic).toArray());
    }
}
