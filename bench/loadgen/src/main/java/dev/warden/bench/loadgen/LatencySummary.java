package dev.warden.bench.loadgen;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, as reported; taken from a histogram of microseconds. */
public record LatencySummary(double p50, double p90, double p99, double p999, double max, double mean) {

    /** @return null when nothing succeeded: an empty distribution has no percentiles, and zeros would lie */
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return null;
        }
        return new LatencySummary(
                percentileMs(micros, 50),
                percentileMs(micros, 90),
                percentileMs(micros, 99),
                percentileMs(micros, 99.9),
                micros.getMaxValue() / 1000.0,
                Rounding.micros(micros.getMean() / 1000.0));
    }

    private static double percentileMs(Histogram micros, double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }
}
