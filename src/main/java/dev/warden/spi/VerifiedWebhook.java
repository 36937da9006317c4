package dev.warden.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link WebhookVerifier} vouches for: the event's id (Standard Webhooks' {@code webhook-id}; for an unsigned
 * vendor callback, the job it answers), unique per partner, and when the sender signed it, if it says.
 */
public record VerifiedWebhook(String eventId, Optional<Instant> signedAt) {

    public VerifiedWebhook {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("a verified webhook has an event id");
        }
    }
}
