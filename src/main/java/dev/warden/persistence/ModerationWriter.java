package dev.warden.persistence;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stores a moderation and its provider outcomes in one SQL statement, on the hot path of every request. Through
 * Hibernate Reactive the same write cost five round trips and serialized each JSON column three times (profiled
 * under benchmark W2: 40 % of the event loop's samples); one data-modifying CTE on the reactive client is atomic on
 * its own and needs one round trip. Reads stay with Hibernate ({@link ModerationRepository}). JSON goes in as text
 * and is cast ({@code ::text::jsonb}): a Java string bound straight to a jsonb parameter would be stored as a JSON
 * string, not parsed.
 */
@ApplicationScoped
public class ModerationWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STORE_MODERATION = """
            with stored as (
                insert into moderation (id, client_name, idempotency_key, request_sha256, content_sha256, policy,
                    context, status, decision, degraded, categories, taxonomy_version, created_at, completed_at)
                values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11::text::jsonb, $12, $13, $14)
                returning id)
            """;

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

    private static final String STORE_OUTCOMES = """
            insert into provider_outcome (id, moderation_id, position, provider, outcome, latency_ms, attempts,
                scores, vendor_scores, model, error_kind, error_message, retry_after_ms, reason)
            select o.id, stored.id, o.position, o.provider, o.outcome, o.latency_ms, o.attempts, o.scores::jsonb,
                o.vendor_scores::jsonb, o.model, o.error_kind, o.error_message, o.retry_after_ms, o.reason
            from stored, unnest($15::uuid[], $16::int[], $17::text[], $18::text[], $19::bigint[], $20::int[],
                $21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::bigint[], $27::text[])
                as o(id, position, provider, outcome, latency_ms, attempts, scores, vendor_scores, model, error_kind,
                    error_message, retry_after_ms, reason)
            """;

    /** Requests without a key write only this: no claim to resolve, no extra work. */
    private static final String INSERT = STORE_MODERATION + STORE_OUTCOMES;
    private static final String INSERT_RESOLVING_CLAIM = STORE_MODERATION + RESOLVE_CLAIM + STORE_OUTCOMES;

    private final Pool pool;
    private final DatabaseCalls calls;

    ModerationWriter(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    public Uni<Void> insert(ModerationEntity moderation) {
        List<ProviderOutcomeEntity> outcomes = moderation.outcomes;
        Tuple parameters = Tuple.tuple()
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
                .addOffsetDateTime(moderation.createdAt.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(moderation.completedAt == null ? null
                        : moderation.completedAt.atOffset(ZoneOffset.UTC))
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
                .addArrayOfString(column(outcomes, outcome -> outcome.reason, String[]::new));
        String insert = moderation.idempotencyKey == null ? INSERT : INSERT_RESOLVING_CLAIM;
        return calls.statement(pool.preparedQuery(insert).execute(parameters)).replaceWithVoid();
    }

    private static <T> T[] column(List<ProviderOutcomeEntity> outcomes, Function<ProviderOutcomeEntity, T> value,
            IntFunction<T[]> array) {
        return outcomes.stream().map(value).toArray(array);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize", e);
        }
    }
}
