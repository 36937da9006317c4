package dev.warden.retention;

import java.time.Duration;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;

/**
 * The kinds purged from moderations that stay (context, vendor raw answers): a sweep in (created_at, id) order from
 * where the last batch of any replica stopped ({@code retention_progress}), so it never reads purged rows again however
 * many decisions are kept. Each batch is one statement: it locks the kind's progress row (a replica that finds it
 * locked stops, the other is sweeping), purges the next moderations older than the age, and moves the progress on.
 * The sweep stops before the oldest pending moderation, whose work may still need what it would purge; that one is
 * failed by {@code warden.retention.pending-content} at the latest.
 */
final class ModerationSweep implements Purge {

    /** $1 kind, $2 age in milliseconds, $3 limit; the purge ({@code purged}) changes moderations of {@code batch}. */
    private static final String SWEEP = """
            with progress as (
                select through_created_at, through_id from retention_progress where kind = $1 for update skip locked),
            bound as (
                select least(now() - $2::bigint * interval '1 millisecond',
                    coalesce((select min(created_at) from moderation where status = 'pending'), 'infinity')) as cutoff),
            batch as (
                select m.id, m.created_at from moderation m, progress p, bound b
                where m.created_at >= p.through_created_at
                    and (m.created_at, m.id) > (p.through_created_at, p.through_id)
                    and m.created_at < b.cutoff
                order by m.created_at, m.id limit $3),
            purged as (%s),
            last as (select created_at, id from batch order by created_at desc, id desc limit 1),
            advanced as (
                update retention_progress r set through_created_at = last.created_at, through_id = last.id
                from last where r.kind = $1)
            select (select count(*) from batch) as swept, (select count(*) from purged) as purged
            """;

    private static final String CONTEXT = """
            update moderation m set context = '{}'::jsonb from batch b
                where m.id = b.id and m.context <> '{}'::jsonb
                returning m.id""";

    private static final String VENDOR_ANSWERS = """
            update provider_outcome o set vendor_scores = '{}'::jsonb, raw_scores = null, late_answer = null
                from batch b
                where o.moderation_id = b.id
                    and (o.vendor_scores <> '{}'::jsonb or o.raw_scores is not null or o.late_answer is not null)
                returning o.id""";

    private final RetentionKind kind;
    private final String statement;
    private final Pool pool;
    private final DatabaseCalls calls;

    private ModerationSweep(RetentionKind kind, String purge, Pool pool, DatabaseCalls calls) {
        this.kind = kind;
        this.statement = SWEEP.formatted(purge);
        this.pool = pool;
        this.calls = calls;
    }

    static List<Purge> all(Pool pool, DatabaseCalls calls) {
        return List.of(new ModerationSweep(RetentionKind.CONTEXT, CONTEXT, pool, calls),
                new ModerationSweep(RetentionKind.VENDOR_ANSWERS, VENDOR_ANSWERS, pool, calls));
    }

    @Override
    public RetentionKind kind() {
        return kind;
    }

    /** More may be waiting while a batch swept as many moderations as it could; how many it purged may be fewer. */
    @Override
    public Uni<Batch> batch(Duration age, int limit) {
        Tuple parameters = Tuple.of(kind.wireName(), age.toMillis(), limit);
        return calls.statement(pool.preparedQuery(statement).execute(parameters)).map(rows -> {
            Row row = rows.iterator().next();
            return new Batch(row.getLong("purged"), row.getLong("swept") >= limit);
        });
    }
}
