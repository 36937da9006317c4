package dev.warden.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A verified webhook event as the inbox stored it, handed to its partner's {@link WebhookEventHandler} after the
 * sender was answered. {@code body} is the exact text that was verified (UTF-8 JSON); {@code type} is its
 * top-level {@code type} field when it has one. {@code attempt} counts processing attempts (1 for the first).
 */
public record InboxEvent(UUID id, String partner, String eventId, Optional<String> type, String body,
        Instant receivedAt, int attempt) {
}
