package dev.warden.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * What an adapter knows about the call it serves: the Warden request id (for vendor-side correlation) and the
 * deadline by which the core stops waiting. Adapters never wait or retry themselves; the deadline is given so an
 * adapter can pass it to a vendor that accepts one.
 */
public record CallContext(String requestId, Instant deadline) {

    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
