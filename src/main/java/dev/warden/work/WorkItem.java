package dev.warden.work;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * One outbox row, leased to this process for one attempt. {@code attempt} counts this attempt (1 for the first);
 * {@code payload} is what the handler of its {@code kind} needs, stored with the row when it was queued.
 */
public record WorkItem(UUID id, String kind, String destination, Optional<UUID> subjectId, JsonObject payload,
        int attempt, Instant createdAt) {
}
