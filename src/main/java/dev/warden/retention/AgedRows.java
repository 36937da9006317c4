package dev.warden.retention;

import java.time.Duration;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;

/**
 * The kinds purged by one statement each that changes (or deletes) the rows it selects: old rows are picked oldest
 * first, at most {@code $2} of them, skipping rows another transaction holds (a replica purging at the same time,
 * the outbox, an API call), so two purgers never wait for each other and never purge a row twice. Each statement
 * answers {@code purged}. {@code $1} is the age in milliseconds, measured on the database's clock.
 */
final class AgedRows implements Purge {

    private static final String CUTOFF = "now() - $1::bigint * interval '1 millisecond'";
    private static final String ENDED_REPORT = "status in ('accepted', 'failed', 'dead', 'retracted')";
    /** A report whose delivery row is still pending (a retraction of a dead CyberTip) still has work to do. */
    private static final String NO_PENDING_WORK = """
            not exists (select 1 from outbox o where o.id = report.work_id and o.status = 'pending')""";

    /** Processed and refused events keep their row and metadata; a received or failed one keeps its body too. */
    private static final String WEBHOOK_PAYLOADS = """
            with purged as (
                update webhook_event set body = '{}', body_purged_at = now()
                where id in (select id from webhook_event
                    where status in ('processed', 'refused') and body_purged_at is null and processed_at < %s
                    order by processed_at limit $2 for update skip locked)
                returning id)
            select count(*) as purged from purged
            """.formatted(CUTOFF);

    private static final String REPORT_CONTENT = """
            with purged as (
                update report set content = '{}'::jsonb, content_purged_at = now()
                where id in (select id from report
                    where %2$s and content_purged_at is null and ended_at < %1$s and %3$s
                    order by ended_at limit $2 for update skip locked)
                returning id),
            files as (
                update report_file f set url = '', details = '{}'::jsonb from purged p where f.report_id = p.id)
            select count(*) as purged from purged
            """.formatted(CUTOFF, ENDED_REPORT, NO_PENDING_WORK);

    /**
     * Outcomes, review and vendor jobs go with their moderation (on delete cascade), a report filed about it keeps
     * its record (moderation_id set null), and its Idempotency-Key's claim goes in the same statement.
     */
    private static final String DECISIONS = """
            with doomed as (
                select id from moderation where created_at < %s and status <> 'pending'
                order by created_at limit $2 for update skip locked),
            gone as (
                delete from moderation m using doomed d where m.id = d.id
                returning m.client_name, m.idempotency_key),
            claims as (
                delete from idempotency_claim c using gone g
                where c.client_name = g.client_name and c.idempotency_key = g.idempotency_key)
            select count(*) as purged from gone
            """.formatted(CUTOFF);

    /** Files and attempts go with their report (on delete cascade). */
    private static final String REPORTS = """
            with gone as (
                delete from report where id in (select id from report
                    where %2$s and ended_at < %1$s and %3$s
                    order by ended_at limit $2 for update skip locked)
                returning id)
            select count(*) as purged from gone
            """.formatted(CUTOFF, ENDED_REPORT, NO_PENDING_WORK);

    /** Attempts go with their row (on delete cascade); a row never finishes before it was created. */
    private static final String OUTBOX = """
            with gone as (
                delete from outbox where id in (select id from outbox
                    where status = any($3::text[]) and created_at < %1$s and finished_at < %1$s
                    order by created_at limit $2 for update skip locked)
                returning id)
            select count(*) as purged from gone
            """.formatted(CUTOFF);

    private final RetentionKind kind;
    private final String statement;
    private final List<String> outboxStatuses;
    private final Pool pool;
    private final DatabaseCalls calls;

    private AgedRows(RetentionKind kind, String statement, List<String> outboxStatuses, Pool pool,
            DatabaseCalls calls) {
        this.kind = kind;
        this.statement = statement;
        this.outboxStatuses = outboxStatuses;
        this.pool = pool;
        this.calls = calls;
    }

    static List<Purge> all(Pool pool, DatabaseCalls calls) {
        return List.of(
                new AgedRows(RetentionKind.WEBHOOK_PAYLOADS, WEBHOOK_PAYLOADS, List.of(), pool, calls),
                new AgedRows(RetentionKind.REPORT_CONTENT, REPORT_CONTENT, List.of(), pool, calls),
                new AgedRows(RetentionKind.DECISIONS, DECISIONS, List.of(), pool, calls),
                new AgedRows(RetentionKind.REPORTS, REPORTS, List.of(), pool, calls),
                new AgedRows(RetentionKind.DELIVERIES, OUTBOX, List.of("delivered", "stopped"), pool, calls),
                new AgedRows(RetentionKind.DEAD_LETTERS, OUTBOX, List.of("dead"), pool, calls));
    }

    @Override
    public RetentionKind kind() {
        return kind;
    }

    @Override
    public Uni<Batch> batch(Duration age, int limit) {
        Tuple parameters = Tuple.of(age.toMillis(), limit);
        if (!outboxStatuses.isEmpty()) {
            parameters.addArrayOfString(outboxStatuses.toArray(String[]::new));
        }
        return calls.statement(pool.preparedQuery(statement).execute(parameters))
                .map(rows -> Batch.of(rows.iterator().next().getLong("purged"), limit));
    }
}
