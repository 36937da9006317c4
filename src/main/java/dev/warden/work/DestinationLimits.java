package dev.warden.work;

import java.util.OptionalInt;
import java.util.Set;

/**
 * A CDI bean that bounds the attempts one process runs at once for some destinations (a reporting partner's
 * {@code bulkhead.max-concurrent}), so a claimed row never waits in, or is refused by, its destination's own
 * bulkhead. Destinations it leaves empty keep {@code warden.outbox.destination-concurrency}.
 */
public interface DestinationLimits {

    OptionalInt concurrency(String destination);

    /**
     * The destinations known before any row of theirs is due: their limit holds from the first claim on (not only
     * once they are busy), and kinds whose handler {@link WorkHandler#batches() batches} are claimed in groups there.
     * Rows of a batching kind at any other destination go one by one.
     */
    default Set<String> destinations() {
        return Set.of();
    }
}
