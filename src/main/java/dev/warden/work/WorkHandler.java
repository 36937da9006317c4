package dev.warden.work;

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
}
