package dev.warden.webhooks.inbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An inbox row as operators see it: the partner's event (its {@code webhook-id} as {@code eventId}, the verified body
 * text) and how processing went. {@code reason} says why it was refused or failed; {@code lastError} why the last
 * attempt of an event still {@code received} failed.
 */
public record StoredEvent(UUID id, String partner, String eventId, Optional<String> type, String body,
        InboxStatus status, Optional<String> reason, Optional<String> lastError, int attempts,
        Optional<Instant> signedAt, Instant receivedAt, Optional<Instant> processedAt, Optional<Instant> replayedAt) {
}
