package dev.warden.reports;

import static dev.warden.persistence.SqlArrays.column;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;

/**
 * The report writes of intake and operators: a new report with its files and its delivery row in one statement, and
 * the moves {@code :retry}, {@code :retract} and {@code :confirm}. Every move that queues work sets
 * {@code report.work_id} to the new outbox row in the same statement, so an older row's attempt can no longer write
 * the report (the delivery fences on it).
 */
@ApplicationScoped
public class ReportWriter {

    /** The outbox kind that delivers a report; its destination is the partner id. */
    public static final String DELIVER_KIND = "report";
    /** The outbox kind that withdraws a report open at a stepped partner. */
    public static final String RETRACT_KIND = "report-retract";

    private static final String QUEUE = """
            insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
            select %1$s.work_id, '%2$s', %1$s.partner, %1$s.id, $%3$d::text::jsonb, now(), now()
            from %1$s where %1$s.work_id is not null""";

    private static final String FILES = """
            insert into report_file (report_id, position, url, file_name, sha256, md5, details)
            select %1$s.id, f.position, f.url, f.file_name, f.sha256, f.md5, f.details::jsonb
            from %1$s, unnest($%2$d::int[], $%3$d::text[], $%4$d::text[], $%5$d::text[], $%6$d::text[], $%7$d::text[])
                as f(position, url, file_name, sha256, md5, details)""";

    /** Nothing is inserted when a unique index already has the report (puid, idempotency key, trigger). */
    private static final String INSERT = """
            with inserted as (
                insert into report (id, client_name, partner, format, status, source, moderation_id, partner_key,
                    idempotency_key, request_sha256, content, rules_version, problems, work_id, created_at, queued_at,
                    updated_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12, $13::text::jsonb, $14, now(),
                    case when $14::uuid is null then null else now() end, now())
                on conflict do nothing
                returning id, partner, work_id),
            files as (%s),
            queued as (%s)
            select id from inserted
            """.formatted(FILES.formatted("inserted", 15, 16, 17, 18, 19, 20), QUEUE.formatted("inserted",
            DELIVER_KIND, 21));

    private static final String EXISTING = """
            select id, client_name, request_sha256 from report
            where (partner = $1 and partner_key = $2) or (client_name = $3 and idempotency_key = $4)
                or (source <> 'api' and $5 <> 'api' and moderation_id = $6 and partner = $1)
            limit 1
            """;

    private static final String MODERATION_EXISTS = "select exists (select 1 from moderation where id = $1)";

    /** failed or dead → queued, with a new delivery row; answers the status before, or nothing for no report. */
    private static final String RETRY = """
            with before as (select status, content_purged_at is not null as content_purged from report where id = $1),
            moved as (
                update report set status = 'queued', work_id = $2, last_error = null, last_http_status = null,
                    last_partner_code = null, queued_at = now(), ended_at = null, updated_at = now()
                where id = $1 and status in ('failed', 'dead') and content_purged_at is null
                returning id, partner, work_id),
            queued as (%s)
            select status, content_purged, (select count(*) from moved) as moved from before
            """.formatted(QUEUE.formatted("moved", DELIVER_KIND, 3));

    /**
     * A CyberTip not yet sent (draft, or queued without a partner id) is retracted at once and its delivery row
     * fenced out (work_id null); one open at the partner gets a retract row, unless one is pending already.
     */
    private static final String RETRACT = """
            with before as (
                select r.status, r.format, r.partner_report_id,
                    r.status in ('queued', 'in_progress') and exists (select 1 from outbox o where o.id = r.work_id
                        and o.kind = '%2$s' and o.status = 'pending') as retracting
                from report r where r.id = $1),
            withdrawn as (
                update report set status = 'retracted', work_id = null, ended_at = now(), updated_at = now()
                where id = $1 and format = 'cybertip' and partner_report_id is null
                    and status in ('draft', 'queued')
                returning id),
            asked as (
                update report r set work_id = $2, updated_at = now()
                where r.id = $1 and r.format = 'cybertip' and r.partner_report_id is not null
                    and r.status in ('queued', 'in_progress')
                    and not exists (select 1 from outbox o where o.id = r.work_id and o.kind = '%2$s'
                        and o.status = 'pending')
                returning r.id, r.partner, r.work_id),
            queued as (%1$s)
            select status, format, partner_report_id, retracting, (select count(*) from withdrawn) as withdrawn,
                (select count(*) from asked) as asked
            from before
            """.formatted(QUEUE.formatted("asked", RETRACT_KIND, 3), RETRACT_KIND);

    /**
     * A draft's content replaced (or kept), its files rewritten (positions past the new list dropped; the others
     * overwritten, not deleted and inserted, which one statement could not order), queued with a delivery row; only
     * while a draft.
     */
    private static final String CONFIRM = """
            with before as (select status from report where id = $1),
            moved as (
                update report set status = 'queued', content = $2::text::jsonb, request_sha256 = $3,
                    partner_key = $4, rules_version = $5, problems = null, work_id = $6, queued_at = now(),
                    updated_at = now()
                where id = $1 and status = 'draft'
                returning id, partner, work_id),
            dropped as (
                delete from report_file where report_id in (select id from moved)
                    and position >= coalesce(array_length($7::int[], 1), 0)),
            files as (%s
                on conflict (report_id, position) do update set url = excluded.url, file_name = excluded.file_name,
                    sha256 = excluded.sha256, md5 = excluded.md5, details = excluded.details),
            queued as (%s)
            select status, (select count(*) from moved) as moved from before
            """.formatted(FILES.formatted("moved", 7, 8, 9, 10, 11, 12), QUEUE.formatted("moved", DELIVER_KIND, 13));

    private static final String KEEP_PROBLEMS = """
            update report set problems = $2::text::jsonb, updated_at = now() where id = $1 and status = 'draft'
            """;

    private static final String NO_PAYLOAD = "{}";
    private static final String REQUESTED_RETRACT = "{\"requested\":true}";

    private final Pool pool;
    private final DatabaseCalls calls;
    private final ObjectMapper json;

    ReportWriter(Pool pool, DatabaseCalls calls, ObjectMapper json) {
        this.pool = pool;
        this.calls = calls;
        this.json = json;
    }

    /** Stores the report (and queues it); empty when a unique index already holds one like it. */
    Uni<Optional<UUID>> insert(NewReport report) {
        Tuple parameters = Tuple.tuple()
                .addUUID(report.id())
                .addString(report.client())
                .addString(report.partner())
                .addString(report.format().wireName())
                .addString(report.status().wireName())
                .addString(report.source().wireName())
                .addUUID(report.moderationId().orElse(null))
                .addString(report.partnerKey().orElse(null))
                .addString(report.idempotencyKey().orElse(null))
                .addString(report.sha256())
                .addString(text(report.content()))
                .addString(report.rulesVersion())
                .addString(report.problems().isEmpty() ? null : text(json.valueToTree(report.problems())))
                .addUUID(report.workId().orElse(null));
        addFiles(parameters, report.files()).addString(NO_PAYLOAD);
        return calls.statement(pool.preparedQuery(INSERT).execute(parameters))
                .map(rows -> first(rows).map(row -> row.getUUID("id")));
    }

    /** The stored report a new one collided with, by partner key, idempotency key or trigger. */
    Uni<Optional<Existing>> existing(NewReport report) {
        Tuple parameters = Tuple.tuple()
                .addString(report.partner())
                .addString(report.partnerKey().orElse(null))
                .addString(report.client())
                .addString(report.idempotencyKey().orElse(null))
                .addString(report.source().wireName())
                .addUUID(report.moderationId().orElse(null));
        return calls.statement(pool.preparedQuery(EXISTING).execute(parameters)).map(rows -> first(rows)
                .map(row -> new Existing(row.getUUID("id"), row.getString("client_name"),
                        row.getString("request_sha256"))));
    }

    Uni<Boolean> moderationExists(UUID moderation) {
        return calls.statement(pool.preparedQuery(MODERATION_EXISTS).execute(Tuple.of(moderation)))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The status the report had, and whether it moved to {@code queued}; empty for no such report. */
    /** A report whose content retention purged cannot be sent again: nothing is left to send. */
    Uni<Optional<Retry>> retry(UUID report, UUID workId) {
        return calls.statement(pool.preparedQuery(RETRY).execute(Tuple.of(report, workId, NO_PAYLOAD)))
                .map(rows -> first(rows).map(row -> new Retry(move(row), row.getBoolean("content_purged"))));
    }

    Uni<Optional<Retraction>> retract(UUID report, UUID workId) {
        return calls.statement(pool.preparedQuery(RETRACT).execute(Tuple.of(report, workId, REQUESTED_RETRACT)))
                .map(rows -> first(rows).map(row -> new Retraction(status(row), row.getString("format"),
                        row.getString("partner_report_id") != null, row.getBoolean("retracting"),
                        row.getLong("withdrawn") > 0, row.getLong("asked") > 0)));
    }

    /** Queues a checked draft; the partner key of a new content may collide with another report (23505). */
    Uni<Optional<Move>> confirm(UUID report, NewReport checked) {
        Tuple parameters = Tuple.tuple()
                .addUUID(report)
                .addString(text(checked.content()))
                .addString(checked.sha256())
                .addString(checked.partnerKey().orElse(null))
                .addString(checked.rulesVersion())
                .addUUID(checked.workId().orElseThrow());
        addFiles(parameters, checked.files()).addString(NO_PAYLOAD);
        return calls.statement(pool.preparedQuery(CONFIRM).execute(parameters))
                .map(rows -> first(rows).map(ReportWriter::move));
    }

    /** A draft that is still invalid keeps what is wrong with it now. */
    Uni<Void> keepProblems(UUID report, List<ReportProblem> problems) {
        return calls.statement(pool.preparedQuery(KEEP_PROBLEMS)
                .execute(Tuple.of(report, text(json.valueToTree(problems))))).replaceWithVoid();
    }

    private static Tuple addFiles(Tuple parameters, List<EvidenceRow> files) {
        return parameters
                .addArrayOfInteger(column(files, EvidenceRow::position, Integer[]::new))
                .addArrayOfString(column(files, EvidenceRow::url, String[]::new))
                .addArrayOfString(column(files, EvidenceRow::fileName, String[]::new))
                .addArrayOfString(column(files, file -> file.sha256().orElse(null), String[]::new))
                .addArrayOfString(column(files, file -> file.md5().orElse(null), String[]::new))
                .addArrayOfString(column(files, file -> file.details().toString(), String[]::new));
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static Move move(Row row) {
        return new Move(status(row), row.getLong("moved") > 0);
    }

    private static ReportStatus status(Row row) {
        return ReportStatus.fromWireName(row.getString("status")).orElseThrow();
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }

    /** A stored report a new one collided with. */
    record Existing(UUID id, String client, String sha256) {
    }

    /** The status a report had before a move, and whether the move happened. */
    record Move(ReportStatus before, boolean moved) {
    }

    record Retry(Move move, boolean contentPurged) {
    }

    /** What {@code :retract} found and did. */
    record Retraction(ReportStatus before, String format, boolean openAtPartner, boolean alreadyRetracting,
            boolean withdrawn, boolean asked) {
    }
}
