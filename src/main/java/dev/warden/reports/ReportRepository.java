package dev.warden.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;
import dev.warden.work.DeliveryCursor;

/**
 * Report reads: one report with its files, attempts and its delivery row's next attempt, in one statement; pages of
 * reports newest first ({@code report_listing}, {@code report_listing_partner}). A caller limited to its own reports
 * passes its client name; a report of another client is then not found.
 */
@ApplicationScoped
public class ReportRepository {

    private static final String COLUMNS = """
            r.id, r.client_name, r.partner, r.format, r.status, r.acceptance, r.source, r.moderation_id,
            r.partner_key, r.rules_version, r.partner_refs, r.problems, r.last_error, r.last_http_status,
            r.last_partner_code, r.work_id, r.expires_at, r.created_at, r.queued_at, r.submitted_at, r.accepted_at,
            r.ended_at, o.next_attempt_at""";

    private static final String FIND = """
            select %s, r.content,
                (select coalesce(json_agg(json_build_object('position', f.position, 'fileName', f.file_name,
                    'fileId', f.file_id, 'uploadedAt', f.uploaded_at, 'describedAt', f.described_at)
                    order by f.position), '[]'::json) from report_file f where f.report_id = r.id) as files,
                (select coalesce(json_agg(json_build_object('number', a.number, 'startedAt', a.started_at,
                    'durationMs', a.duration_ms, 'step', a.step, 'filePosition', a.file_position,
                    'batchSize', a.batch_size, 'outcome', a.outcome, 'httpStatus', a.http_status,
                    'partnerCode', a.partner_code, 'requestId', a.request_id, 'message', a.message)
                    order by a.number), '[]'::json) from report_attempt a where a.report_id = r.id) as attempts
            from report r left join outbox o on o.id = r.work_id and o.status = 'pending'
            where r.id = $1 and ($2::text is null or r.client_name = $2)
            """.formatted(COLUMNS);

    private final Pool pool;
    private final DatabaseCalls calls;

    ReportRepository(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    /** The report with its content, files and attempts; empty when unknown or another client's. */
    public Uni<Optional<ReportView>> find(UUID id, Optional<String> client) {
        return calls.statement(pool.preparedQuery(FIND).execute(Tuple.of(id, client.orElse(null))))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(detailed(rows.iterator().next())));
    }

    /** Newest first; one more row than asked tells whether a next page exists. */
    public Uni<ReportPage> list(ReportQuery query) {
        List<String> conditions = new ArrayList<>();
        Tuple parameters = Tuple.tuple();
        query.client().ifPresent(client -> condition(conditions, parameters, "r.client_name = $%d", client));
        query.partner().ifPresent(partner -> condition(conditions, parameters, "r.partner = $%d", partner));
        query.status().ifPresent(status -> condition(conditions, parameters, "r.status = $%d", status.wireName()));
        query.format().ifPresent(format -> condition(conditions, parameters, "r.format = $%d", format));
        query.createdAfter().ifPresent(after -> condition(conditions, parameters, "r.created_at >= $%d", utc(after)));
        query.createdBefore().ifPresent(before -> condition(conditions, parameters, "r.created_at < $%d",
                utc(before)));
        query.cursor().ifPresent(cursor -> {
            parameters.addOffsetDateTime(utc(cursor.createdAt())).addUUID(cursor.id());
            conditions.add("(r.created_at, r.id) < ($%d, $%d)".formatted(parameters.size() - 1, parameters.size()));
        });
        parameters.addInteger(query.limit() + 1);
        String sql = "select " + COLUMNS + " from report r left join outbox o on o.id = r.work_id"
                + " and o.status = 'pending'"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by r.created_at desc, r.id desc limit $" + parameters.size();
        return calls.statement(pool.preparedQuery(sql).execute(parameters)).map(rows -> {
            List<ReportView> reports = new ArrayList<>(rows.size());
            rows.forEach(row -> reports.add(view(row, Optional.empty(), List.of(), List.of())));
            if (reports.size() <= query.limit()) {
                return new ReportPage(reports, Optional.empty());
            }
            List<ReportView> page = reports.subList(0, query.limit());
            ReportView last = page.get(page.size() - 1);
            return new ReportPage(page, Optional.of(new DeliveryCursor(last.createdAt(), last.id())));
        });
    }

    private static void condition(List<String> conditions, Tuple parameters, String condition, Object value) {
        parameters.addValue(value);
        conditions.add(condition.formatted(parameters.size()));
    }

    private static ReportView detailed(Row row) {
        List<ReportView.File> files = objects(row.getJsonArray("files"), file -> new ReportView.File(
                file.getInteger("position"), file.getString("fileName"), Optional.ofNullable(file.getString("fileId")),
                jsonInstant(file, "uploadedAt"), jsonInstant(file, "describedAt")));
        List<ReportView.Attempt> attempts = objects(row.getJsonArray("attempts"), attempt -> new ReportView.Attempt(
                attempt.getInteger("number"), jsonInstant(attempt, "startedAt").orElseThrow(),
                attempt.getLong("durationMs"), attempt.getString("step"),
                Optional.ofNullable(attempt.getInteger("filePosition")),
                Optional.ofNullable(attempt.getInteger("batchSize")), attempt.getString("outcome"),
                Optional.ofNullable(attempt.getInteger("httpStatus")),
                Optional.ofNullable(attempt.getString("partnerCode")),
                Optional.ofNullable(attempt.getString("requestId")),
                Optional.ofNullable(attempt.getString("message"))));
        return view(row, Optional.ofNullable(row.getJsonObject("content")), files, attempts);
    }

    private static ReportView view(Row row, Optional<JsonObject> content, List<ReportView.File> files,
            List<ReportView.Attempt> attempts) {
        JsonObject refs = row.getJsonObject("partner_refs");
        return new ReportView(row.getUUID("id"), row.getString("client_name"), row.getString("partner"),
                row.getString("format"), ReportStatus.fromWireName(row.getString("status")).orElseThrow(),
                Optional.ofNullable(row.getString("acceptance")), row.getString("source"),
                Optional.ofNullable(row.getUUID("moderation_id")), Optional.ofNullable(row.getString("partner_key")),
                row.getString("rules_version"), refs == null ? new JsonObject() : refs,
                Optional.ofNullable(row.getJsonArray("problems")), Optional.ofNullable(row.getString("last_error")),
                Optional.ofNullable(row.getInteger("last_http_status")),
                Optional.ofNullable(row.getString("last_partner_code")), Optional.ofNullable(row.getUUID("work_id")),
                instant(row, "next_attempt_at"), instant(row, "expires_at"), instant(row, "created_at").orElseThrow(),
                instant(row, "queued_at"), instant(row, "submitted_at"), instant(row, "accepted_at"),
                instant(row, "ended_at"), content, files, attempts);
    }

    private static <T> List<T> objects(JsonArray array, Function<JsonObject, T> read) {
        List<T> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            values.add(read.apply(array.getJsonObject(i)));
        }
        return values;
    }

    private static Optional<Instant> jsonInstant(JsonObject object, String member) {
        return Optional.ofNullable(object.getString(member)).map(text -> OffsetDateTime.parse(text).toInstant());
    }

    private static Optional<Instant> instant(Row row, String column) {
        return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
