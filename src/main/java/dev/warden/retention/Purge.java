package dev.warden.retention;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * One kind of stored data and how to purge it: a bounded batch per call, each one statement (one short transaction)
 * on the reactive pool, safe to run on several replicas at once.
 */
interface Purge {

    RetentionKind kind();

    /** Purges at most {@code limit} rows older than {@code age}. */
    Uni<Batch> batch(Duration age, int limit);
}
