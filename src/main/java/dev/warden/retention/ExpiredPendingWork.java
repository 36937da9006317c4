package dev.warden.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.moderation.ModerationJob;
import dev.warden.persistence.DatabaseCalls;
import dev.warden.work.WorkHandler;
import dev.warden.work.WorkItem;

/**
 * Content kept for pending work, past its age: the moderation's work is failed with the reason, through the same path
 * as a dead-lettered job (its content purged and its status failed in one guarded statement, the caller's callback
 * queued), so no row is ever left pending with content. A pending moderation only gets this old when no replica
 * works the outbox, or its job row is gone: the outbox fails a job first, after {@code warden.outbox.max-age}.
 * <p>
 * Failing runs Warden's own code per moderation (a read and a write), not one statement, so a batch holds a
 * transaction-level advisory lock for its duration: one replica at a time, the other finds it taken and stops.
 */
final class ExpiredPendingWork implements Purge {

    /** The advisory lock of this purge: any 64-bit number no other Warden code locks ("wdn-rtn1" in ASCII). */
    static final long LOCK = 0x77646e2d72746e31L;

    private static final String TRY_LOCK = "select pg_try_advisory_xact_lock($1) as held";
    private static final String EXPIRED = """
            select id from moderation
            where status = 'pending' and created_at < now() - $1::bigint * interval '1 millisecond'
            order by created_at limit $2
            """;
    private static final String STILL_PENDING = """
            select count(*) as pending from moderation where id = any($1::uuid[]) and status = 'pending'
            """;

    private final WorkHandler moderationJob;
    private final Pool pool;
    private final DatabaseCalls calls;

    ExpiredPendingWork(WorkHandler moderationJob, Pool pool, DatabaseCalls calls) {
        this.moderationJob = moderationJob;
        this.pool = pool;
        this.calls = calls;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.PENDING_CONTENT;
    }

    @Override
    public Uni<Batch> batch(Duration age, int limit) {
        return pool.withTransaction(connection -> calls.statement(
                connection.preparedQuery(TRY_LOCK).execute(Tuple.of(LOCK)))
                .chain(rows -> rows.iterator().next().getBoolean("held") ? failExpired(connection, age, limit)
                        : Uni.createFrom().item(Batch.NONE)));
    }

    private Uni<Batch> failExpired(SqlConnection connection, Duration age, int limit) {
        String reason = "pending longer than " + RetentionKind.PENDING_CONTENT.key() + " (" + age
                + "): the work was failed and its content purged";
        return calls.statement(connection.preparedQuery(EXPIRED).execute(Tuple.of(age.toMillis(), limit)))
                .chain(rows -> {
                    List<UUID> expired = new ArrayList<>(rows.size());
                    rows.forEach(row -> expired.add(row.getUUID("id")));
                    if (expired.isEmpty()) {
                        return Uni.createFrom().item(Batch.NONE);
                    }
                    return Multi.createFrom().iterable(expired)
                            .onItem().transformToUniAndConcatenate(id -> moderationJob.abandoned(item(id), reason))
                            .collect().last()
                            .chain(() -> calls.statement(connection.preparedQuery(STILL_PENDING)
                                    .execute(Tuple.of(expired.toArray(UUID[]::new)))))
                            .map(left -> Batch.of(expired.size() - pending(left.iterator().next()), limit));
                });
    }

    private static long pending(Row row) {
        return row.getLong("pending");
    }

    /**
     * The moderation's work as {@link WorkHandler#abandoned} reads it: only its subject matters there. Outside any
     * lease, as for a handler called directly; its id is the moderation's, since no outbox row is given up.
     */
    private static WorkItem item(UUID moderationId) {
        return new WorkItem(moderationId, ModerationJob.KIND, ModerationJob.KIND, Optional.of(moderationId),
                new JsonObject(), 0, Instant.now());
    }
}
