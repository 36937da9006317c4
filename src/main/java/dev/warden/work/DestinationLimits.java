package dev.warden.work;

import java.util.OptionalInt;

/**
 * A CDI bean that bounds the attempts one process runs at once for some destinations (a reporting partner's
 * {@code bulkhead.max-concurrent}), so a claimed row never waits in, or is refused by, its destination's own
 * bulkhead. Destinations it leaves empty keep {@code warden.outbox.destination-concurrency}.
 */
public interface DestinationLimits {

    OptionalInt concurrency(String destination);
}
