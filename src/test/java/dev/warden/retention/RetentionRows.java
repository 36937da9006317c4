package dev.warden.retention;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import dev.warden.persistence.TestDatabase;

/**
 * Rows of every kind retention looks at, written behind Warden's back with the age a test needs (ages are measured on
 * the database's clock, as the purge measures them). Content and payloads carry {@link #MARKER}, so a test can tell
 * whether they are still stored.
 */
final class RetentionRows {

    static final String MARKER = "retention-marker-text";
    static final String CONTEXT = "{\"userId\":\"u-" + MARKER + "\"}";
    static final String CONTENT = "{\"parts\":[{\"type\":\"text\",\"text\":\"" + MARKER + "\"}]}";
    private static final String AGO = "now() - (?::bigint * interval '1 second')";
    private static final String SHA = "0".repeat(64);

    private RetentionRows() {
    }

    /** A completed sync moderation received {@code age} ago, with a context and one provider outcome. */
    static UUID decided(Duration age) throws SQLException {
        return decided(age, null);
    }

    /** As {@link #decided(Duration)}, answered to a request with this Idempotency-Key (and its resolved claim). */
    static UUID decided(Duration age, String idempotencyKey) throws SQLException {
        UUID id = UUID.randomUUID();
        TestDatabase.update("insert into moderation (id, client_name, idempotency_key, request_sha256,"
                + " content_sha256, policy, context, status, decision, degraded, categories, taxonomy_version,"
                + " created_at, completed_at) values (?, 'retention-test', ?, ?, ?, 'default', ?::jsonb, 'completed',"
                + " 'allow', false, '{}', 'v1', " + AGO + ", " + AGO + ")", id, idempotencyKey, SHA, SHA, CONTEXT,
                age.toSeconds(), age.toSeconds());
        TestDatabase.update("insert into provider_outcome (id, moderation_id, position, provider, outcome, latency_ms,"
                + " attempts, scores, vendor_scores, raw_scores, late_answer) values (?, ?, 0, 'local-rules', 'ok', 1,"
                + " 1, '{\"threat\":0.1}', ?::jsonb, '{\"threat\":0.05}', '{\"late\":true}')", UUID.randomUUID(), id,
                "{\"rule\":\"" + MARKER + "\"}");
        if (idempotencyKey != null) {
            TestDatabase.update("insert into idempotency_claim (client_name, idempotency_key, request_sha256,"
                    + " moderation_id, claimed_at, expires_at, resolved_at) values ('retention-test', ?, ?, ?, "
                    + AGO + ", " + AGO + ", " + AGO + ")", idempotencyKey, SHA, id, age.toSeconds(), age.toSeconds(),
                    age.toSeconds());
        }
        return id;
    }

    /** An async moderation received {@code age} ago whose work has not ended: its content is still stored. */
    static UUID pending(Duration age) throws SQLException {
        UUID id = UUID.randomUUID();
        TestDatabase.update("insert into moderation (id, client_name, request_sha256, content_sha256, policy, context,"
                + " status, degraded, categories, taxonomy_version, created_at, mode, content, planned_providers)"
                + " values (?, 'retention-test', ?, ?, 'default', ?::jsonb, 'pending', false, '{}', 'v1', " + AGO
                + ", 'async', ?::jsonb, '{local-rules}')", id, SHA, SHA, CONTEXT, age.toSeconds(), CONTENT);
        return id;
    }

    /** A partner's event in this status, received {@code age} ago and (unless still received) ended then too. */
    static UUID webhookEvent(String status, Duration age) throws SQLException {
        UUID id = UUID.randomUUID();
        boolean ended = !status.equals("received");
        TestDatabase.update("insert into webhook_event (id, partner, event_id, type, body, received_at, status, reason,"
                + " processed_at, work_id) values (?, 'retention-partner', ?, 'test.event', ?, " + AGO + ", ?, ?, "
                + (ended ? AGO : "null") + ", ?)", ended
                        ? new Object[] { id, id.toString(), "{\"data\":\"" + MARKER + "\"}", age.toSeconds(), status,
                                status.equals("processed") ? null : "test reason", age.toSeconds(), UUID.randomUUID() }
                        : new Object[] { id, id.toString(), "{\"data\":\"" + MARKER + "\"}", age.toSeconds(), status,
                                null, UUID.randomUUID() });
        return id;
    }

    /**
     * A report in this status, created {@code age} ago and (in an end state) ended then, with one evidence file and
     * one attempt; {@code work} names its delivery row, if it has one.
     */
    static UUID report(String status, Duration age, UUID work) throws SQLException {
        UUID id = UUID.randomUUID();
        boolean ended = !status.equals("queued");
        TestDatabase.update("insert into report (id, client_name, partner, format, status, source, partner_key,"
                + " request_sha256, content, rules_version, work_id, created_at, updated_at, ended_at) values (?,"
                + " 'retention-test', 'retention-partner', 'statement_of_reasons', ?, 'api', ?, ?, ?::jsonb, 'r1', ?, "
                + AGO + ", now(), " + (ended ? AGO : "null") + ")", ended
                        ? new Object[] { id, status, id.toString(), SHA, "{\"explanation\":\"" + MARKER + "\"}", work,
                                age.toSeconds(), age.toSeconds() }
                        : new Object[] { id, status, id.toString(), SHA, "{\"explanation\":\"" + MARKER + "\"}", work,
                                age.toSeconds() });
        TestDatabase.update("insert into report_file (report_id, position, url, file_name, details) values (?, 0, ?,"
                + " 'a.jpg', ?::jsonb)", id, "https://evidence.example/" + MARKER, "{\"note\":\"" + MARKER + "\"}");
        TestDatabase.update("insert into report_attempt (report_id, number, started_at, duration_ms, step, outcome)"
                + " values (?, 1, now(), 1, 'submit', 'ok')", id);
        return id;
    }

    /**
     * An outbox row in this status, queued {@code age} ago and (unless pending) finished then, with one attempt. A
     * pending row is due only in a year, so no worker takes it.
     */
    static UUID outbox(String status, Duration age) throws SQLException {
        UUID id = UUID.randomUUID();
        boolean pending = status.equals("pending");
        TestDatabase.update("insert into outbox (id, kind, destination, status, attempts, next_attempt_at, created_at,"
                + " finished_at) values (?, 'retention-test', 'retention-test', ?, 1, now() + interval '365 days', "
                + AGO + ", " + (pending ? "null" : AGO) + ")", pending ? new Object[] { id, status, age.toSeconds() }
                        : new Object[] { id, status, age.toSeconds(), age.toSeconds() });
        TestDatabase.update("insert into outbox_attempt (outbox_id, number, started_at, duration_ms, outcome, worker)"
                + " values (?, 1, now(), 1, 'retry', 'retention-test')", id);
        return id;
    }

    static long count(String sql, Object... parameters) throws SQLException {
        return TestDatabase.queryOne(Long.class, sql, parameters);
    }

    static String text(String sql, Object... parameters) throws SQLException {
        return TestDatabase.queryOne(String.class, sql, parameters);
    }

    /** A fresh database as far as the sweeps know: they start again from the oldest moderation. */
    static void restartSweeps() throws SQLException {
        TestDatabase.update("update retention_progress set through_created_at = '-infinity',"
                + " through_id = '00000000-0000-0000-0000-000000000000'");
    }
}
