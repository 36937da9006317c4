package dev.warden.work;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * One outbox row as the admin API shows it. {@code payload} and {@code attemptLog} are filled for a single row
 * ({@link Outbox#find}), left empty in listings.
 */
public record Delivery(UUID id, String kind, String destination, Optional<UUID> subjectId, DeliveryStatus status,
        int attempts, Instant nextAttemptAt, Instant createdAt, Optional<Instant> replayedAt,
        Optional<Instant> finishedAt, Optional<String> leaseOwner, Optional<Instant> leaseUntil,
        Optional<String> lastError, Optional<Integer> lastHttpStatus, Optional<JsonObject> payload,
        List<Attempt> attemptLog) {

    /** One stored attempt. */
    public record Attempt(int number, Instant startedAt, long durationMs, String outcome,
            Optional<Integer> httpStatus, Optional<String> error, String worker) {
    }
}
