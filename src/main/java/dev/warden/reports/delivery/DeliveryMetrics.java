package dev.warden.reports.delivery;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Report delivery as metrics, tagged by partner id only (never a report's content or key): every exchange, the
 * items per batch call, reports that ended, dead letters (the alert metric) and calls postponed by the cluster-wide
 * rate limit.
 */
@ApplicationScoped
class DeliveryMetrics {

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void exchange(String partner, String step, String outcome, Duration took) {
        Timer.builder("warden.reports.partner.calls").description("Exchanges with reporting partners")
                .tags("partner", partner, "step", step, "outcome", outcome).register(registry).record(took);
    }

    void batch(String partner, int items) {
        DistributionSummary.builder("warden.reports.batch.size").description("Reports per batch call")
                .tag("partner", partner).register(registry).record(items);
    }

    /** A report reached {@code status} (accepted, failed, dead, retracted). */
    void ended(String partner, String status, String acceptance) {
        registry.counter("warden.reports.ended", "partner", partner, "status", status, "acceptance", acceptance)
                .increment();
        if (status.equals("dead")) {
            registry.counter("warden.reports.dead.letters", "partner", partner).increment();
        }
    }
}
