package dev.warden.persistence;

import static dev.warden.persistence.SqlArrays.column;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every write to {@code moderation} and {@code provider_outcome}, each one SQL statement. A sync moderation is one
 * insert on the hot path of every request: through Hibernate Reactive the same write cost five round trips and
 * serialized each JSON column three times (profiled under benchmark W2: 40 % of the event loop's samples); one
 * data-modifying CTE on the reactive client is atomic on its own and needs one round trip; concurrent ones are
 * committed together ({@link GroupCommit}). An async moderation is
 * inserted pending together with its job, gets one insert per provider result as it arrives, and ends completed or
 * failed in one statement that purges its content and queues its callback. Reads stay with Hibernate
 * ({@link ModerationRepository}). JSON goes in as text and is cast ({@code ::text::jsonb}): a Java string bound
 * straight to a jsonb parameter would be stored as a JSON string, not parsed.
 */
@ApplicationScoped
public class ModerationWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String MODERATION_COLUMNS = """
            id, client_name, idempotency_key, request_sha256, content_sha256, policy, context, status, decision,
                degraded, categories, taxonomy_version, created_at, completed_at""";
    private static final String MODERATION_VALUES = """
            $1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11::text::jsonb, $12, $13, $14""";
    private static final int MODERATION_PARAMETERS = 14;

    private static final String STORE_MODERATION = "with stored as (insert into moderation (" + MODERATION_COLUMNS
            + ") values (" + MODERATION_VALUES + ") returning id)\n";

    /** An async moderation also keeps what its job needs: $15 to $18. */
    private static final String STORE_PENDING = "with stored as (insert into moderation (" + MODERATION_COLUMNS
            + ", mode, callback_url, content, planned_providers) values (" + MODERATION_VALUES
            + ", $15, $16, $17::text::jsonb, $18::text[]) returning id)\n";

    /**
     * The answer to a keyed request resolves the key's claim in the same statement: waiters see the claim resolved
     * exactly when the answer is readable. It points the claim at this answer even if another request took the
     * claim over meanwhile; that request's own insert then fails on the unique key and it replays this answer.
     */
    private static final String RESOLVE_CLAIM = """
            , resolved as (
                update idempotency_claim set moderation_id = $1, resolved_at = now()
                where client_name = $2 and idempotency_key = $3)
            """;

    private static final String OUTCOME_COLUMNS = """
            id, moderation_id, position, provider, outcome, latency_ms, attempts, scores, vendor_scores, model,
                error_kind, error_message, retry_after_ms, reason, raw_scores""";
    private static final int OUTCOME_ARRAYS = 14;

    /** Requests without a key write only this: no claim to resolve, no extra work. */
    private static final String INSERT = STORE_MODERATION + storeOutcomes("stored", MODERATION_PARAMETERS + 1);
    private static final String INSERT_RESOLVING_CLAIM = STORE_MODERATION + RESOLVE_CLAIM
            + storeOutcomes("stored", MODERATION_PARAMETERS + 1);
    /** A decision that calls for more work (a review request) queues it in the same statement: $29 on. */
    private static final String FOLLOW_UPS = FollowUpRows.queue("stored",
            MODERATION_PARAMETERS + OUTCOME_ARRAYS + 1);
    private static final String INSERT_FOLLOWED = STORE_MODERATION + FOLLOW_UPS
            + storeOutcomes("stored", MODERATION_PARAMETERS + 1);
    private static final String INSERT_FOLLOWED_RESOLVING_CLAIM = STORE_MODERATION + RESOLVE_CLAIM + FOLLOW_UPS
            + storeOutcomes("stored", MODERATION_PARAMETERS + 1);

    /** The pending moderation and its job ($19 to $22), committed together: acknowledged work is never lost. */
    private static final String QUEUE_JOB = queueRow("stored", 19) + "\n";
    private static final String INSERT_PENDING = STORE_PENDING + QUEUE_JOB;
    private static final String INSERT_PENDING_RESOLVING_CLAIM = STORE_PENDING + RESOLVE_CLAIM + QUEUE_JOB;

    /** Only while pending: a result arriving late to a moderation that ended is not added to it. */
    private static final String RECORD_OUTCOME = """
            insert into provider_outcome (%s)
            select $1, m.id, $3, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, $10, $11, $12, $13, $14,
                $15::text::jsonb
            from moderation m where m.id = $2 and m.status = 'pending'
            on conflict (moderation_id, position) do nothing
            """.formatted(OUTCOME_COLUMNS);

    /**
     * Ends a pending moderation, once: the status guard makes a second, concurrent completion change nothing and
     * queue no second follow-up (callback, review request). Its final results replace any a racing attempt stored for
     * the same provider.
     */
    private static final String COMPLETE = """
            with ended as (
                update moderation set status = 'completed', decision = $2, degraded = $3,
                    categories = $4::text::jsonb, completed_at = $5, content = null
                where id = $1 and status = 'pending'
                returning id)
            , outcomes as (
            """ + storeOutcomes("ended", 10) + """
                on conflict (moderation_id, position) do update set provider = excluded.provider,
                    outcome = excluded.outcome, latency_ms = excluded.latency_ms, attempts = excluded.attempts,
                    scores = excluded.scores, vendor_scores = excluded.vendor_scores, model = excluded.model,
                    error_kind = excluded.error_kind, error_message = excluded.error_message,
                    retry_after_ms = excluded.retry_after_ms, reason = excluded.reason,
                    raw_scores = excluded.raw_scores)
            """ + FollowUpRows.queue("ended", 6) + FollowUpRows.COUNT_ENDED;

    private static final String FAIL = """
            with ended as (
                update moderation set status = 'failed', failure_reason = $2, completed_at = $3, content = null
                where id = $1 and status = 'pending'
                returning id)
            """ + FollowUpRows.queue("ended", 4) + FollowUpRows.COUNT_ENDED;

    private final Pool pool;
    private final GroupCommit groupCommit;
    private final DatabaseCalls calls;

    ModerationWriter(Pool pool, GroupCommit groupCommit, DatabaseCalls calls) {
        this.pool = pool;
        this.groupCommit = groupCommit;
        this.calls = calls;
    }

    /** A completed (sync) moderation with all its outcomes, and the follow-up work its decision calls for. */
    public Uni<Void> insert(ModerationEntity moderation, List<QueuedWork> followUps) {
        Tuple parameters = addOutcomes(moderationParameters(moderation), moderation.outcomes);
        boolean keyed = moderation.idempotencyKey != null;
        String insert;
        if (followUps.isEmpty()) {
            insert = keyed ? INSERT_RESOLVING_CLAIM : INSERT;
        } else {
            insert = keyed ? INSERT_FOLLOWED_RESOLVING_CLAIM : INSERT_FOLLOWED;
            FollowUpRows.add(parameters, followUps);
        }
        return calls.statement(groupCommit.execute(insert, parameters));
    }

    /** A pending (async) moderation and the outbox row of its job, committed together. */
    public Uni<Void> insertPending(ModerationEntity moderation, QueuedWork job) {
        Tuple parameters = moderationParameters(moderation)
                .addString(moderation.mode)
                .addString(moderation.callbackUrl)
                .addString(json(moderation.content))
                .addArrayOfString(moderation.plannedProviders)
                .addUUID(job.id())
                .addString(job.kind())
                .addString(job.destination())
                .addString(job.payload());
        String insert = moderation.idempotencyKey == null ? INSERT_PENDING : INSERT_PENDING_RESOLVING_CLAIM;
        return calls.statement(groupCommit.execute(insert, parameters));
    }

    /** One provider result of a pending moderation, as it arrives; a result already stored at its position stays. */
    public Uni<Void> recordOutcome(UUID moderationId, ProviderOutcomeEntity outcome) {
        Tuple parameters = Tuple.tuple()
                .addUUID(outcome.id)
                .addUUID(moderationId)
                .addInteger(outcome.position)
                .addString(outcome.provider)
                .addString(outcome.outcome)
                .addLong(outcome.latencyMs)
                .addInteger(outcome.attempts)
                .addString(json(outcome.scores))
                .addString(json(outcome.vendorScores))
                .addString(outcome.model)
                .addString(outcome.errorKind)
                .addString(outcome.errorMessage)
                .addLong(outcome.retryAfterMs)
                .addString(outcome.reason)
                .addString(rawScores(outcome));
        return calls.statement(pool.preparedQuery(RECORD_OUTCOME).execute(parameters)).replaceWithVoid();
    }

    /**
     * Completes a pending moderation with its decision and every outcome, purges its content and queues its
     * follow-up work (callback, review request), all at once. False when it was no longer pending (another attempt
     * ended it first).
     */
    public Uni<Boolean> complete(ModerationEntity moderation, List<QueuedWork> followUps) {
        Tuple parameters = Tuple.tuple()
                .addUUID(moderation.id)
                .addString(moderation.decision)
                .addBoolean(moderation.degraded)
                .addString(json(moderation.categories))
                .addOffsetDateTime(timestamp(moderation.completedAt));
        FollowUpRows.add(parameters, followUps);
        addOutcomes(parameters, moderation.outcomes);
        return calls.statement(pool.preparedQuery(COMPLETE).execute(parameters)).map(ModerationWriter::ended);
    }

    /** Fails a pending moderation with the reason, purges its content and queues its follow-up work (callback). */
    public Uni<Boolean> fail(UUID moderationId, String reason, Instant endedAt, List<QueuedWork> followUps) {
        Tuple parameters = Tuple.tuple().addUUID(moderationId).addString(reason).addOffsetDateTime(timestamp(endedAt));
        FollowUpRows.add(parameters, followUps);
        return calls.statement(pool.preparedQuery(FAIL).execute(parameters)).map(ModerationWriter::ended);
    }

    private static Tuple moderationParameters(ModerationEntity moderation) {
        return Tuple.tuple()
                .addUUID(moderation.id)
                .addString(moderation.clientName)
                .addString(moderation.idempotencyKey)
                .addString(moderation.requestSha256)
                .addString(moderation.contentSha256)
                .addString(moderation.policy)
                .addString(json(moderation.context))
                .addString(moderation.status)
                .addString(moderation.decision)
                .addBoolean(moderation.degraded)
                .addString(json(moderation.categories))
                .addString(moderation.taxonomyVersion)
                .addOffsetDateTime(timestamp(moderation.createdAt))
                .addOffsetDateTime(timestamp(moderation.completedAt));
    }

    /** Inserts the outcomes bound as arrays from {@code $first} on, one row per element, under {@code source}. */
    static String storeOutcomes(String source, int first) {
        StringBuilder arrays = new StringBuilder();
        String[] types = { "uuid", "int", "text", "text", "bigint", "int", "text", "text", "text", "text", "text",
                "bigint", "text", "text" };
        for (int i = 0; i < OUTCOME_ARRAYS; i++) {
            arrays.append(i == 0 ? "" : ", ").append('$').append(first + i).append("::").append(types[i]).append("[]");
        }
        return """
                insert into provider_outcome (%s)
                select o.id, %s.id, o.position, o.provider, o.outcome, o.latency_ms, o.attempts, o.scores::jsonb,
                    o.vendor_scores::jsonb, o.model, o.error_kind, o.error_message, o.retry_after_ms, o.reason,
                    o.raw_scores::jsonb
                from %s, unnest(%s)
                    as o(id, position, provider, outcome, latency_ms, attempts, scores, vendor_scores, model, error_kind,
                        error_message, retry_after_ms, reason, raw_scores)
                """.formatted(OUTCOME_COLUMNS, source, source, arrays);
    }

    /** The outbox row bound at {@code $first} (id, kind, destination, payload) for the moderation in {@code source}. */
    private static String queueRow(String source, int first) {
        return """
                insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
                select $%1$d, $%2$d, $%3$d, %5$s.id, $%4$d::text::jsonb, now(), now() from %5$s"""
                .formatted(first, first + 1, first + 2, first + 3, source);
    }

    static Tuple addOutcomes(Tuple parameters, List<ProviderOutcomeEntity> outcomes) {
        return parameters
                .addArrayOfUUID(column(outcomes, outcome -> outcome.id, UUID[]::new))
                .addArrayOfInteger(column(outcomes, outcome -> outcome.position, Integer[]::new))
                .addArrayOfString(column(outcomes, outcome -> outcome.provider, String[]::new))
                .addArrayOfString(column(outcomes, outcome -> outcome.outcome, String[]::new))
                .addArrayOfLong(column(outcomes, outcome -> outcome.latencyMs, Long[]::new))
                .addArrayOfInteger(column(outcomes, outcome -> outcome.attempts, Integer[]::new))
                .addArrayOfString(column(outcomes, outcome -> json(outcome.scores), String[]::new))
                .addArrayOfString(column(outcomes, outcome -> json(outcome.vendorScores), String[]::new))
                .addArrayOfString(column(outcomes, outcome -> outcome.model, String[]::new))
                .addArrayOfString(column(outcomes, outcome -> outcome.errorKind, String[]::new))
                .addArrayOfString(column(outcomes, outcome -> outcome.errorMessage, String[]::new))
                .addArrayOfLong(column(outcomes, outcome -> outcome.retryAfterMs, Long[]::new))
                .addArrayOfString(column(outcomes, outcome -> outcome.reason, String[]::new))
                .addArrayOfString(column(outcomes, ModerationWriter::rawScores, String[]::new));
    }

    /** SQL null, not JSON null, when no calibration applied. */
    private static String rawScores(ProviderOutcomeEntity outcome) {
        return outcome.rawScores == null ? null : json(outcome.rawScores);
    }

    private static boolean ended(RowSet<Row> rows) {
        return rows.iterator().next().getLong("ended") > 0;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize", e);
        }
    }
}
