package dev.warden.reports.delivery;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

import dev.warden.persistence.TestDatabase;
import dev.warden.work.WorkItem;

/**
 * Reports stored as the schema says, without the API: a report, its files and the outbox row that owns its delivery
 * ({@code work_id}). A row leased by the test (a token it holds, a lease well in the future) is one the outbox worker
 * leaves alone, so a test can hand it to a handler itself; an unleased row is the worker's.
 */
final class ReportRows {

    private static final Duration LEASE = Duration.ofMinutes(5);

    /** A stored report and the outbox row that owns it. */
    record Stored(UUID report, UUID row, UUID token, String partner, String kind, String payload) {

        /** The row as the worker would hand it over, with a lease of {@code left}. */
        WorkItem item(Duration left) {
            return new WorkItem(row, kind, partner, Optional.of(report), new JsonObject(payload), 1, Instant.now(), token,
                    System.nanoTime() + left.toNanos());
        }

        WorkItem item() {
            return item(LEASE.minusSeconds(10));
        }
    }

    /** One evidence file: where, and the hashes the report names. */
    record File(String url, String sha256, String md5) {
    }

    private ReportRows() {
    }

    static Stored statement(String partner, String puid, boolean leased) throws SQLException {
        String content = new JsonObject().put("puid", puid).put("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT")
                .encode();
        return insert(partner, "statement_of_reasons", puid, content, List.of(), leased);
    }

    static Stored cybertip(String partner, List<File> files, boolean leased) throws SQLException {
        String content = new JsonObject().put("incident", new JsonObject().put("type", "Child Pornography"))
                .encode();
        return insert(partner, "cybertip", null, content, files, leased);
    }

    private static Stored insert(String partner, String format, String key, String content, List<File> files,
            boolean leased) throws SQLException {
        UUID report = UUID.randomUUID();
        UUID row = UUID.randomUUID();
        UUID token = UUID.randomUUID();
        TestDatabase.update("""
                insert into report (id, client_name, partner, format, status, source, partner_key, request_sha256,
                    content, rules_version, work_id, created_at, queued_at, updated_at)
                values (?, 'test', ?, ?, 'queued', 'api', ?, repeat('0', 64), ?::jsonb, '1', ?, now(), now(), now())
                """, report, partner, format, key, content, row);
        for (int position = 0; position < files.size(); position++) {
            File file = files.get(position);
            TestDatabase.update("""
                    insert into report_file (report_id, position, url, file_name, sha256, md5)
                    values (?, ?, ?, ?, ?, ?)
                    """, report, position, file.url(), "file-" + position, file.sha256(), file.md5());
        }
        queue(row, DeliveryKinds.REPORT, partner, report, "{}", leased ? token : null);
        return new Stored(report, row, token, partner, DeliveryKinds.REPORT, "{}");
    }

    /** An outbox row for the report that takes it over ({@code work_id}). */
    static Stored takeOver(Stored stored, String kind, String payload, boolean leased) throws SQLException {
        UUID row = UUID.randomUUID();
        UUID token = UUID.randomUUID();
        queue(row, kind, stored.partner(), stored.report(), payload, leased ? token : null);
        TestDatabase.update("update report set work_id = ? where id = ?", row, stored.report());
        return new Stored(stored.report(), row, token, stored.partner(), kind, payload);
    }

    private static void queue(UUID row, String kind, String partner, UUID report, String payload, UUID token)
            throws SQLException {
        TestDatabase.update("""
                insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at,
                    lease_token, lease_owner, lease_until, attempts)
                values (?, ?, ?, ?, ?::jsonb, now(), now(), ?, case when ? then 'test' end,
                    case when ? then now() + interval '5 minutes' end, case when ? then 1 else 0 end)
                """, row, kind, partner, report, payload, token, token != null, token != null, token != null);
    }

    static String status(Stored stored) throws SQLException {
        return TestDatabase.queryOne(String.class, "select status from report where id = ?", stored.report());
    }

    static String text(Stored stored, String column) throws SQLException {
        return TestDatabase.queryOne(String.class, "select " + column + "::text from report where id = ?",
                stored.report());
    }

    static long count(String sql, Object... parameters) throws SQLException {
        return TestDatabase.queryOne(Long.class, sql, parameters);
    }

    /** The report's attempts as {@code step/outcome} in order. */
    static List<String> attempts(Stored stored) throws SQLException {
        String joined = TestDatabase.queryOne(String.class, "select coalesce(string_agg(step || '/' || outcome, ','"
                + " order by number), '') from report_attempt where report_id = ?", stored.report());
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
