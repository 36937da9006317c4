package dev.warden.work;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The outbox as Prometheus metrics: attempts by kind and outcome, dead letters by kind and destination, how long a
 * claim round takes, rows pending (all replicas, counted now and then) and attempts in flight in this process.
 */
@ApplicationScoped
class OutboxMetrics {

    private final MeterRegistry registry;
    private final Timer claims;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.claims = Timer.builder("warden.outbox.claim.duration")
                .description("One claim round (rows in groups, then single rows), rows included")
                .register(registry);
        Gauge.builder("warden.outbox.pending", pending, AtomicLong::get)
                .description("Rows due or being worked, as last counted by this process's worker").register(registry);
        Gauge.builder("warden.outbox.in.flight", inFlight, AtomicInteger::get)
                .description("Attempts running in this process").register(registry);
    }

    void attempted(String kind, AttemptOutcome outcome) {
        registry.counter("warden.outbox.attempts", "kind", kind, "outcome", outcome.wireName()).increment();
    }

    void deadLettered(String kind, String destination) {
        registry.counter("warden.outbox.dead.letters", "kind", kind, "destination", destination).increment();
    }

    void claimed(Duration took) {
        claims.record(took);
    }

    void pending(long rows) {
        pending.set(rows);
    }

    void started() {
        inFlight.incrementAndGet();
    }

    void ended() {
        inFlight.decrementAndGet();
    }
}
