package dev.warden.retention;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Retention as Prometheus metrics: {@code warden_retention_purged_total{kind}} (rows this process purged, every kind
 * registered at zero so a dashboard sees them all) and {@code warden_retention_last_run} (epoch seconds when this
 * process last finished a run in which every kind succeeded; 0 until then). Alert when the last run is older than a
 * few intervals on every replica.
 */
@ApplicationScoped
class RetentionMetrics {

    private final Map<RetentionKind, Counter> purged = new EnumMap<>(RetentionKind.class);
    private final AtomicLong lastRun = new AtomicLong();

    RetentionMetrics(MeterRegistry registry) {
        for (RetentionKind kind : RetentionKind.values()) {
            purged.put(kind, Counter.builder("warden.retention.purged").tag("kind", kind.wireName())
                    .description("Rows purged by retention, by kind").register(registry));
        }
        Gauge.builder("warden.retention.last.run", lastRun, AtomicLong::get)
                .description("Epoch seconds when this process last completed a retention run").register(registry);
    }

    void purged(RetentionKind kind, long rows) {
        purged.get(kind).increment(rows);
    }

    void completed(long epochSecond) {
        lastRun.set(epochSecond);
    }

    long lastRun() {
        return lastRun.get();
    }
}
