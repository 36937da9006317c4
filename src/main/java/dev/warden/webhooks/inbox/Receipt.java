package dev.warden.webhooks.inbox;

import java.util.UUID;

/**
 * A verified event the inbox holds: {@code id} is the inbox row, {@code eventId} the partner's; {@code duplicate}
 * when an earlier delivery stored it (nothing was stored or queued this time).
 */
public record Receipt(UUID id, String eventId, boolean duplicate) {
}
