package dev.warden.providers;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records every provider call twice: as Prometheus metrics ({@code warden_provider_calls_total} by provider and
 * outcome, {@code warden_provider_latency_seconds} histograms by provider) and in a small in-memory window of recent
 * calls that {@code GET /v1/providers} summarizes for operators.
 */
@ApplicationScoped
public class ProviderCallRecorder {

    static final int WINDOW = 1024;

    private final MeterRegistry registry;
    private final Map<String, RecentCalls> recent = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    ProviderCallRecorder(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String provider, String outcome, Duration latency, boolean failed) {
        counters.computeIfAbsent(provider + '\n' + outcome, key -> Counter.builder("warden.provider.calls")
                .description("Calls to a provider, by outcome").tag("provider", provider).tag("outcome", outcome)
                .register(registry)).increment();
        timers.computeIfAbsent(provider, key -> Timer.builder("warden.provider.latency")
                .description("Time a provider took to answer or fail").tag("provider", provider)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(latency);
        recent.computeIfAbsent(provider, id -> new RecentCalls()).add(latency.toNanos() / 1_000_000.0, failed);
    }

    public Snapshot snapshot(String provider) {
        RecentCalls calls = recent.get(provider);
        return calls == null ? Snapshot.EMPTY : calls.snapshot();
    }

    /** Calls since start-up, and latency percentiles (ms) over the last {@value #WINDOW} calls; NaN when none. */
    public record Snapshot(long calls, long errors, double p50Ms, double p95Ms, double p99Ms) {
        static final Snapshot EMPTY = new Snapshot(0, 0, Double.NaN, Double.NaN, Double.NaN);

        public double errorRatio() {
            return calls == 0 ? 0.0 : (double) errors / calls;
        }
    }

    private static final class RecentCalls {
        private final double[] latencies = new double[WINDOW];
        private long calls;
        private long errors;

        synchronized void add(double latencyMs, boolean failed) {
            latencies[(int) (calls % WINDOW)] = latencyMs;
            calls++;
            if (failed) {
                errors++;
            }
        }

        synchronized Snapshot snapshot() {
            int size = (int) Math.min(calls, WINDOW);
            double[] sorted = Arrays.copyOf(latencies, size);
            Arrays.sort(sorted);
            return new Snapshot(calls, errors, percentile(sorted, 0.50), percentile(sorted, 0.95),
                    percentile(sorted, 0.99));
        }

        private static double percentile(double[] sorted, double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
        }
    }
}
