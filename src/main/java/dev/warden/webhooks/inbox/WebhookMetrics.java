package dev.warden.webhooks.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

import dev.warden.providers.PartnerRegistry;

/**
 * Inbound webhooks as Prometheus metrics: refused by partner and reason, accepted by partner and outcome
 * ({@code stored}, {@code duplicate}), processed by partner and outcome. The partner tag is a configured partner's
 * id or {@value #UNKNOWN}: text from the request path never becomes a tag value.
 */
@ApplicationScoped
class WebhookMetrics {

    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;
    private final PartnerRegistry partners;

    WebhookMetrics(MeterRegistry registry, PartnerRegistry partners) {
        this.registry = registry;
        this.partners = partners;
    }

    void rejected(String partner, Refusal refusal) {
        registry.counter("warden.webhooks.rejected", "partner", known(partner), "reason", refusal.tag()).increment();
    }

    void accepted(String partner, Receipt receipt) {
        registry.counter("warden.webhooks.accepted", "partner", known(partner), "outcome",
                receipt.duplicate() ? "duplicate" : "stored").increment();
    }

    void processed(String partner, String outcome) {
        registry.counter("warden.webhooks.processed", "partner", known(partner), "outcome", outcome).increment();
    }

    private String known(String partner) {
        return partners.find(partner).isPresent() ? partner : UNKNOWN;
    }
}
