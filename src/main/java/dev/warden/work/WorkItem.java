package dev.warden.work;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * One outbox row, leased to this process for one attempt. {@code attempt} counts this attempt (1 for the first);
 * {@code payload} is what the handler of its {@code kind} needs, stored with the row when it was queued.
 * {@code leaseToken} fences a handler's own writes about the row's subject ({@link LeaseFence}); the lease ends at
 * {@code leaseExpiresAtNanos} on this JVM's {@link System#nanoTime()} clock.
 */
public record WorkItem(UUID id, String kind, String destination, Optional<UUID> subjectId, JsonObject payload,
        int attempt, Instant createdAt, UUID leaseToken, long leaseExpiresAtNanos) {

    /** A token no lease ever holds: a write fenced with it never lands. */
    public static final UUID NO_LEASE = new UUID(0, 0);

    /** An item outside any lease (tests, handlers called directly): fenced writes with it do not land. */
    public WorkItem(UUID id, String kind, String destination, Optional<UUID> subjectId, JsonObject payload,
            int attempt, Instant createdAt) {
        this(id, kind, destination, subjectId, payload, attempt, createdAt, NO_LEASE, Long.MAX_VALUE);
    }

    /** What is left of the lease; zero or less once it has ended. Never late: reckoned from before the claim. */
    public Duration leaseLeft() {
        return leaseExpiresAtNanos == Long.MAX_VALUE ? Duration.ofDays(365)
                : Duration.ofNanos(leaseExpiresAtNanos - System.nanoTime());
    }
}
