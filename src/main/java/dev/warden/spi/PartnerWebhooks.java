package dev.warden.spi;

/** How a partner's inbound webhooks are verified and what processes them once stored. */
public record PartnerWebhooks(WebhookVerifier verifier, WebhookEventHandler handler) {
}
