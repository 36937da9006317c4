package dev.warden.work;

import java.time.Duration;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Does one kind of outbox work ({@code moderation} jobs, {@code callback} deliveries; partner reports next). A CDI
 * bean; the outbox worker finds the handler of a row's kind, gives it the leased row and records what it says.
 */
public interface WorkHandler {

    /** The {@code kind} of the outbox rows this handler does. */
    String kind();

    /**
     * One attempt. Judges every failure itself and answers it as an {@link AttemptResult}; a failed Uni is an
     * attempt that failed in Warden and is retried.
     */
    Uni<AttemptResult> attempt(WorkItem item);

    /**
     * The row ended without being done: stopped, or dead-lettered after {@code warden.outbox.max-age}. The handler
     * records what that means for its subject (an async moderation becomes {@code failed}, with the reason).
     */
    default Uni<Void> abandoned(WorkItem item, String reason) {
        return Uni.createFrom().voidItem();
    }

    /**
     * As {@link #abandoned(WorkItem, String)}, told whether the row was dead-lettered (rather than stopped), for a
     * handler whose subject ends differently in each case. The worker calls this one.
     */
    default Uni<Void> abandoned(WorkItem item, String reason, boolean deadLettered) {
        return abandoned(item, reason);
    }

    /**
     * True when rows of this kind may be run several at once as one attempt ({@link #attemptBatch}); the worker then
     * claims them in groups of one destination.
     */
    default boolean batches() {
        return false;
    }

    /** Rows of this kind and destination one attempt may take; only read when {@link #batches()}. */
    default int batchLimit(String destination) {
        return 1;
    }

    /** How long a group smaller than {@link #batchLimit} may wait for company before it goes as it is. */
    default Duration batchLinger(String destination) {
        return Duration.ZERO;
    }

    /**
     * One attempt at up to {@link #batchLimit} rows of one destination; one result per item, in the items' order.
     * A list of another length, or a failed Uni, is an attempt that failed in Warden for every item.
     */
    default Uni<List<AttemptResult>> attemptBatch(List<WorkItem> items) {
        if (items.size() != 1) {
            return Uni.createFrom().failure(new IllegalStateException(kind() + " does not run rows in groups"));
        }
        return attempt(items.get(0)).map(List::of);
    }
}
