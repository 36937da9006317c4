package dev.warden.work;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A row this process claimed: the item its handler gets, the token that fences the outcome's write (one per
 * claim), the instant its age for dead-lettering counts from (queued, or replayed), and when the lease ends on
 * this JVM's {@link System#nanoTime()} clock (reckoned from before the claim was sent, so never late).
 */
record Lease(WorkItem item, UUID token, Instant ageFrom, long expiresAtNanos) {

    /** What is left of the lease, less {@code margin}; zero or less once that point has passed. */
    Duration left(Duration margin) {
        return Duration.ofNanos(expiresAtNanos - System.nanoTime()).minus(margin);
    }
}
