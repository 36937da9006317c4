package dev.warden.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Meters of report intake and queues: {@code warden.reports.created{partner,source}}, and per partner the gauges
 * {@code warden.reports.pending} (queued, in progress or submitted, every replica's) and
 * {@code warden.reports.oldest.pending.age} (seconds since the oldest of them was queued), refreshed every
 * {@link #REFRESH_EVERY} from {@link ReportQueues}. Tags name partners and sources only, never report content.
 */
@ApplicationScoped
public class ReportMetrics {

    static final Duration REFRESH_EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(ReportMetrics.class);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicReference<QueueSnapshot>> queues = new ConcurrentHashMap<>();
    private long timer = -1;

    ReportMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.clock = Clock.systemUTC();
    }

    public void created(String partner, ReportSource source) {
        registry.counter("warden.reports.created", "partner", partner, "source", source.wireName()).increment();
    }

    void start(@Observes StartupEvent started, ReportingPartners partners, ReportQueues reportQueues, Vertx vertx) {
        partners.ids().forEach(partner -> {
            AtomicReference<QueueSnapshot> queue = queues.computeIfAbsent(partner,
                    id -> new AtomicReference<>(QueueSnapshot.EMPTY));
            Gauge.builder("warden.reports.pending", queue, held -> held.get().pending())
                    .description("Reports queued, in progress or submitted (every replica's), as last counted")
                    .tag("partner", partner).register(registry);
            Gauge.builder("warden.reports.oldest.pending.age", queue, held -> ageSeconds(held.get()))
                    .description("Seconds since the oldest pending report was queued").baseUnit("seconds")
                    .tag("partner", partner).register(registry);
        });
        if (!queues.isEmpty()) {
            timer = vertx.setPeriodic(REFRESH_EVERY.toMillis(), ignored -> refresh(reportQueues));
        }
    }

    void stop(@Observes ShutdownEvent stopping, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void refresh(ReportQueues reportQueues) {
        reportQueues.snapshot().subscribe().with(
                snapshots -> snapshots.forEach((partner, snapshot) -> {
                    AtomicReference<QueueSnapshot> queue = queues.get(partner);
                    if (queue != null) {
                        queue.set(snapshot);
                    }
                }),
                failure -> LOG.debugf("Counting pending reports failed: %s", failure));
    }

    private double ageSeconds(QueueSnapshot snapshot) {
        return snapshot.oldestPendingSince()
                .map(since -> Math.max(0, Duration.between(since, Instant.now(clock)).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
