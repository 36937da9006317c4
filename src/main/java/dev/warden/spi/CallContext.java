package dev.warden.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What an adapter knows about the call it serves: the Warden request id (for vendor-side correlation), the deadline
 * by which the core stops waiting, and, for an adapter that answers later ({@link Capabilities#async()}) called from
 * an async moderation, the callback URL to give the vendor. Adapters never wait or retry themselves; the deadline is
 * given so an adapter can pass it to a vendor that accepts one.
 * <p>
 * {@code callbackUrl} is per vendor job and carries an unguessable token: give it to the vendor as it is and never
 * log it. It is empty in a sync moderation, where nobody would wait for a callback: an adapter then answers at once
 * or, if its vendor answers only by callback, fails with {@code UNSUPPORTED} before any network call.
 */
public record CallContext(String requestId, Instant deadline, Optional<String> callbackUrl) {

    public CallContext(String requestId, Instant deadline) {
        this(requestId, deadline, Optional.empty());
    }

    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
