package dev.warden.persistence;

import static dev.warden.persistence.ModerationWriter.addOutcomes;
import static dev.warden.persistence.ModerationWriter.json;
import static dev.warden.persistence.ModerationWriter.storeOutcomes;
import static dev.warden.persistence.ModerationWriter.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Table {@code vendor_job}, and the writes to {@code provider_outcome} that vendors answering by callback cause,
 * each one statement: a job opened before the vendor is called (so that a callback racing the vendor's own answer
 * finds it), a moderation left waiting with every result so far and its deadline row, a callback applied once, the
 * deadline timing out the jobs still waiting, and a late answer kept. The job's state is the guard: a callback and
 * the deadline both change a {@code waiting} job, so exactly one of them happens.
 */
@ApplicationScoped
public class VendorJobs {

    private static final String OPEN = """
            insert into vendor_job (id, moderation_id, position, provider, token_sha256, created_at, deadline_at)
            values ($1, $2, $3, $4, $5, now(), $6)
            """;

    private static final String ACCEPTED = "update vendor_job set vendor_job_id = $2 where id = $1";

    private static final String FIND = """
            select id, moderation_id, position, provider, token_sha256, vendor_job_id, state, deadline_at
            from vendor_job where id = $1
            """;

    /**
     * While the moderation is pending: every result so far at its position (one a callback stored first stays) and
     * the deadline row ($2 to $6: id, kind, destination, payload, due), one per moderation: its id is derived from
     * the moderation's, so a job that waits again after a crash queues no second one.
     */
    private static final String AWAIT = """
            with pending as (select id from moderation where id = $1 and status = 'pending')
            , outcomes as (
            """ + storeOutcomes("pending", 7) + """
                on conflict (moderation_id, position) do nothing)
            , deadline as (
                insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
                select $2, $3, $4, pending.id, $5::text::jsonb, $6, now() from pending
                on conflict (id) do nothing)
            select count(*) as pending from pending
            """;

    private static final String OUTCOME_UPDATE = """
            on conflict (moderation_id, position) do update set outcome = excluded.outcome,
                latency_ms = excluded.latency_ms, scores = excluded.scores, vendor_scores = excluded.vendor_scores,
                model = excluded.model, error_kind = excluded.error_kind, error_message = excluded.error_message,
                retry_after_ms = null, reason = null
            where provider_outcome.outcome = 'pending'
            """;

    private static final String OUTCOME_COLUMNS = """
            id, moderation_id, position, provider, outcome, latency_ms, attempts, scores, vendor_scores, model,
                error_kind, error_message""";

    /** Latency of a vendor that answers by callback: from its job's submission to its answer. */
    private static final String SINCE_SUBMITTED = "(extract(epoch from now() - j.created_at) * 1000)::bigint";

    /**
     * Applies a callback ($2 on: outcome id, outcome, scores, vendor scores, model, error kind, error message) to a
     * waiting job of a pending moderation whose provider has no result yet (a job whose submission failed, or one a
     * retried moderation job replaced and that already answered, has one).
     */
    private static final String ANSWER = """
            with j as (
                update vendor_job v set state = 'answered', ended_at = now()
                from moderation m
                where v.id = $1 and v.state = 'waiting' and m.id = v.moderation_id and m.status = 'pending'
                    and not exists (select 1 from provider_outcome o where o.moderation_id = v.moderation_id
                        and o.position = v.position and o.outcome <> 'pending')
                returning v.moderation_id, v.position, v.provider, v.created_at)
            , stored as (
                insert into provider_outcome (%s)
                select $2, j.moderation_id, j.position, j.provider, $3, %s, 1, $4::text::jsonb, $5::text::jsonb, $6,
                    $7, $8
                from j
                %s)
            select count(*) as applied from j
            """.formatted(OUTCOME_COLUMNS, SINCE_SUBMITTED, OUTCOME_UPDATE);

    private static final String TIME_OUT = """
            with j as (
                update vendor_job set state = 'timed_out', ended_at = now()
                where moderation_id = $1 and state = 'waiting'
                returning id, moderation_id, position, provider, vendor_job_id, created_at)
            , stored as (
                insert into provider_outcome (%s)
                select distinct on (j.position) md5(j.id::text || ':timeout')::uuid, j.moderation_id, j.position,
                    j.provider, 'timeout', %s, 1, '{}'::jsonb, '{}'::jsonb, null, 'TIMEOUT',
                    'the vendor did not call back by the deadline (vendor job '
                        || coalesce(j.vendor_job_id, 'never accepted') || ')'
                from j
                order by j.position, j.created_at desc
                %s)
            select count(*) as timed_out from j
            """.formatted(OUTCOME_COLUMNS, SINCE_SUBMITTED, OUTCOME_UPDATE);

    private static final String LATE = """
            update provider_outcome o set late_answer = $2::text::jsonb
            from vendor_job v
            where v.id = $1 and o.moderation_id = v.moderation_id and o.position = v.position and o.late_answer is null
            """;

    private final Pool pool;
    private final DatabaseCalls calls;

    VendorJobs(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    /** A job about to be submitted, with the SHA-256 of its callback token. */
    public Uni<Void> open(UUID id, UUID moderationId, int position, String provider, byte[] tokenSha256,
            Instant deadline) {
        Tuple parameters = Tuple.tuple().addUUID(id).addUUID(moderationId).addInteger(position).addString(provider)
                .addBuffer(Buffer.buffer(tokenSha256))
                .addOffsetDateTime(timestamp(deadline));
        return calls.statement(pool.preparedQuery(OPEN).execute(parameters)).replaceWithVoid();
    }

    /** The vendor accepted the job under its own id. */
    public Uni<Void> accepted(UUID id, String vendorJobId) {
        return calls.statement(pool.preparedQuery(ACCEPTED).execute(Tuple.of(id, vendorJobId))).replaceWithVoid();
    }

    public Uni<Optional<VendorJob>> find(UUID id) {
        return calls.statement(pool.preparedQuery(FIND).execute(Tuple.of(id))).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new VendorJob(row.getUUID("id"), row.getUUID("moderation_id"),
                    row.getInteger("position"), row.getString("provider"), row.getBuffer("token_sha256").getBytes(),
                    Optional.ofNullable(row.getString("vendor_job_id")), row.getString("state"),
                    row.getOffsetDateTime("deadline_at").toInstant()));
        });
    }

    /**
     * Leaves a pending moderation waiting for its vendors: stores every result so far and queues its deadline row.
     * False when it was no longer pending.
     */
    public Uni<Boolean> await(UUID moderationId, List<ProviderOutcomeEntity> outcomes, QueuedWork deadline,
            Instant due) {
        Tuple parameters = Tuple.tuple().addUUID(moderationId).addUUID(deadline.id()).addString(deadline.kind())
                .addString(deadline.destination()).addString(deadline.payload()).addOffsetDateTime(timestamp(due));
        addOutcomes(parameters, outcomes);
        return calls.statement(pool.preparedQuery(AWAIT).execute(parameters)).map(rows -> count(rows, "pending"));
    }

    /**
     * Stores a vendor's answer for its waiting job of a pending moderation. False when the job was not waiting (an
     * answer applied before, or its deadline passed), its moderation had ended or its provider's result was settled
     * otherwise: nothing was changed.
     */
    public Uni<Boolean> answer(UUID jobId, ProviderOutcomeEntity answer) {
        Tuple parameters = Tuple.tuple().addUUID(jobId).addUUID(answer.id).addString(answer.outcome)
                .addString(json(answer.scores)).addString(json(answer.vendorScores)).addString(answer.model)
                .addString(answer.errorKind).addString(answer.errorMessage);
        return calls.statement(pool.preparedQuery(ANSWER).execute(parameters)).map(rows -> count(rows, "applied"));
    }

    /** The deadline passed: every job of the moderation still waiting ends {@code timeout}. How many did. */
    public Uni<Long> timeOut(UUID moderationId) {
        return calls.statement(pool.preparedQuery(TIME_OUT).execute(Tuple.of(moderationId)))
                .map(rows -> rows.iterator().next().getLong("timed_out"));
    }

    /** Keeps the first answer that arrived after the job's deadline with its provider's outcome. */
    public Uni<Boolean> recordLate(UUID jobId, ProviderOutcomeEntity.StoredLateAnswer late) {
        return calls.statement(pool.preparedQuery(LATE).execute(Tuple.of(jobId, json(late))))
                .map(rows -> rows.rowCount() > 0);
    }

    private static boolean count(RowSet<Row> rows, String column) {
        return rows.iterator().next().getLong(column) > 0;
    }
}
