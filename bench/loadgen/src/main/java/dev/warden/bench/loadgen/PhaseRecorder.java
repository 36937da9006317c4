package dev.warden.bench.loadgen;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates the outcome of one phase. Used from the event-loop thread only, so it needs no locking; it is
 * handed to another thread only after the phase has completed.
 */
final class PhaseRecorder {

    private static final long HIGHEST_TRACKABLE_MICROS = 60_000_000;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final double targetRate;
    private final Duration duration;
    private final Histogram latencyMicros = new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    private final Map<String, Long> errors = new TreeMap<>();
    private final DispatchLag lag = new DispatchLag();
    private long windowEndNanos;
    private long sent;
    private long ok;
    private long okInWindow;

    PhaseRecorder(double targetRate, Duration duration) {
        this.targetRate = targetRate;
        this.duration = duration;
    }

    void startWindow(long startNanos) {
        windowEndNanos = startNanos + duration.toNanos();
    }

    void dispatched(long intendedNanos, long dispatchedNanos) {
        sent++;
        lag.record(dispatchedNanos - intendedNanos);
    }

    void succeeded(long intendedNanos, long completedNanos) {
        ok++;
        if (completedNanos <= windowEndNanos) {
            okInWindow++;
        }
        long latencyMicros = (completedNanos - intendedNanos) / 1000;
        this.latencyMicros.recordValue(Math.min(latencyMicros, HIGHEST_TRACKABLE_MICROS));
    }

    void failed(String errorKind) {
        errors.merge(errorKind, 1L, Long::sum);
    }

    RunStats summarize(String label, String url) {
        double durationS = Durations.seconds(duration);
        return new RunStats(
                label,
                url,
                targetRate,
                durationS,
                Rounding.rate(okInWindow / durationS),
                sent,
                ok,
                Collections.unmodifiableMap(new TreeMap<>(errors)),
                LatencySummary.of(latencyMicros),
                lag.generatorLagged(),
                lag.maxLagMs());
    }
}
