package dev.warden.persistence;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Table {@code idempotency_claim}: one row per (client, Idempotency-Key), claimed before any vendor is called so
 * that one request with a key does the work. {@link ModerationWriter} resolves the claim when it stores the answer.
 */
@ApplicationScoped
public class IdempotencyClaims {

    /**
     * Takes the key if it is free or its claim expired unresolved (the row lock serializes takers), and answers
     * the key's state either way, in one round trip. It answers no row when a concurrent first claim committed
     * after this statement's snapshot: the key is held, but not yet visible.
     */
    private static final String CLAIM = """
            with taken as (
                insert into idempotency_claim as claim (client_name, idempotency_key, request_sha256, moderation_id,
                    claimed_at, expires_at)
                values ($1, $2, $3, $4, now(), now() + $5::bigint * interval '1 millisecond')
                on conflict (client_name, idempotency_key) do update
                    set request_sha256 = excluded.request_sha256, moderation_id = excluded.moderation_id,
                        claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                    where claim.resolved_at is null and claim.expires_at <= now()
                returning request_sha256, moderation_id, resolved_at, expires_at)
            select request_sha256, moderation_id, resolved_at is not null as resolved,
                greatest(0, ceil(extract(epoch from expires_at - now()) * 1000))::bigint as expires_in_ms
            from taken
            union all
            select request_sha256, moderation_id, resolved_at is not null,
                greatest(0, ceil(extract(epoch from expires_at - now()) * 1000))::bigint
            from idempotency_claim
            where client_name = $1 and idempotency_key = $2 and not exists (select 1 from taken)
            """;

    /** Only the holder's own unresolved claim: a claim taken over or resolved by a concurrent insert stays. */
    private static final String RELEASE = """
            delete from idempotency_claim
            where client_name = $1 and idempotency_key = $2 and moderation_id = $3 and resolved_at is null
            """;

    private final Pool pool;
    private final DatabaseCalls calls;

    IdempotencyClaims(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    /**
     * Claims the key for {@code moderationId} for {@code ttl}; the answer is the key's claim afterwards (ours when
     * its {@code moderationId} is the one given), or null while a concurrent claim is not yet visible.
     */
    public Uni<IdempotencyClaim> claim(String clientName, String idempotencyKey, String requestSha256,
            UUID moderationId, Duration ttl) {
        Tuple parameters = Tuple.of(clientName, idempotencyKey, requestSha256, moderationId, ttl.toMillis());
        return calls.statement(pool.preparedQuery(CLAIM).execute(parameters)).map(IdempotencyClaims::first);
    }

    public Uni<Void> release(String clientName, String idempotencyKey, UUID moderationId) {
        return calls.statement(pool.preparedQuery(RELEASE).execute(Tuple.of(clientName, idempotencyKey,
                moderationId))).replaceWithVoid();
    }

    private static IdempotencyClaim first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        return new IdempotencyClaim(row.getString("request_sha256"), row.getUUID("moderation_id"),
                row.getBoolean("resolved"), Duration.ofMillis(row.getLong("expires_in_ms")));
    }
}
