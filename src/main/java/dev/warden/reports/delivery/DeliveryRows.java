package dev.warden.reports.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;
import dev.warden.reports.delivery.StoredReport.StoredFile;
import dev.warden.spi.reporting.EvidenceRef;
import dev.warden.spi.support.StrictJson;
import dev.warden.work.LeaseFence;
import dev.warden.work.WorkItem;

/**
 * Every write delivery makes to {@code report} and {@code report_file}, and its read. Each write names the report
 * ($1), the outbox row of the attempt ($2) and its lease token ($3), and lands only while that row owns the report
 * ({@code work_id}) and its lease still holds ({@link LeaseFence}): an attempt that outlived its lease, or a row a
 * {@code :retry} or {@code :retract} superseded, changes nothing. Each answers whether it landed.
 */
@ApplicationScoped
class DeliveryRows {

    private static final String FENCE = "r.id = $1 and r.work_id = $2 and " + LeaseFence.holds(2, 3);

    private static final String LOAD = """
            select r.id, r.partner, r.status, r.content::text as content, r.work_id, r.partner_key,
                r.partner_report_id, r.opened_at, r.expires_at, r.confirm_cycles,
                coalesce((select json_agg(json_build_object('position', f.position, 'url', f.url,
                        'fileName', f.file_name, 'sha256', f.sha256, 'md5', f.md5, 'fileId', f.file_id,
                        'described', f.described_at is not null) order by f.position)
                    from report_file f where f.report_id = r.id)::text, '[]') as files
            from report r where r.id = any($1::uuid[])
            """;

    /** The partner has the report: {@code acceptance} $4, its references $5 merged in, its id $6 when it gave one. */
    private static final String ACCEPTED = """
            update report r set status = 'accepted', acceptance = $4, partner_refs = r.partner_refs || $5::text::jsonb,
                partner_report_id = coalesce($6, r.partner_report_id), last_error = null, accepted_at = now(),
                ended_at = now(), updated_at = now()
            where %s and r.status <> 'accepted'
            returning r.id
            """.formatted(FENCE);

    /** Ends the report {@code failed} with the partner's message $4, unless it already ended. */
    private static final String FAILED = """
            update report r set status = 'failed', last_error = $4, ended_at = now(), updated_at = now()
            where %s and r.status not in ('accepted', 'retracted', 'failed', 'dead')
            returning r.id
            """.formatted(FENCE);

    /**
     * The partner called the key a duplicate: {@code submitted}, and a {@code report-confirm} row ($4) due after $5
     * ms takes the report over in the same statement.
     */
    private static final String DUPLICATE = """
            with moved as (
                update report r set status = 'submitted', acceptance = 'accepted-duplicate', submitted_at = now(),
                    updated_at = now(), work_id = $4
                where %s
                returning r.id, r.partner)
            insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
            select $4, '%s', moved.partner, moved.id, '{}'::jsonb, now() + $5::bigint * interval '1 millisecond', now()
            from moved
            returning id
            """.formatted(FENCE, DeliveryKinds.CONFIRM);

    /** The partner does not know the duplicate: {@code queued} again under a new {@code report} row ($4), due now. */
    private static final String RESEND = """
            with moved as (
                update report r set status = 'queued', acceptance = null, confirm_cycles = r.confirm_cycles + 1,
                    queued_at = now(), updated_at = now(), work_id = $4
                where %s
                returning r.id, r.partner)
            insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
            select $4, '%s', moved.partner, moved.id, '{}'::jsonb, now(), now() from moved
            returning id
            """.formatted(FENCE, DeliveryKinds.REPORT);

    /** The partner opened the report as $4 at $5; it deletes it unfinished at $6. */
    private static final String OPENED = """
            update report r set status = 'in_progress', partner_report_id = $4, opened_at = $5, last_change_at = $5,
                expires_at = $6, expiry_warned_at = null, submitted_at = $5, updated_at = now(),
                partner_refs = r.partner_refs || jsonb_build_object('reportId', $4::text)
            where %s
            returning r.id
            """.formatted(FENCE);

    /** File $4 uploaded as $5 (partner MD5 $6) at $7; the report now expires at $8. */
    private static final String UPLOADED = """
            with changed as (
                update report r set last_change_at = $7, expires_at = $8, updated_at = now()
                where %s
                returning r.id),
            file as (
                update report_file f set file_id = $5, partner_md5 = $6, uploaded_at = $7
                from changed where f.report_id = changed.id and f.position = $4)
            select id from changed
            """.formatted(FENCE);

    /** File $4 described at $5; the report now expires at $6. */
    private static final String DESCRIBED = """
            with changed as (
                update report r set last_change_at = $5, expires_at = $6, updated_at = now()
                where %s
                returning r.id),
            file as (
                update report_file f set described_at = $5
                from changed where f.report_id = changed.id and f.position = $4)
            select id from changed
            """.formatted(FENCE);

    /**
     * The partner holds the report open no more (it expired, or was retracted): every partner id is forgotten.
     * {@code status} becomes $4 when given (retracted on request, queued to reopen), else stays.
     */
    private static final String FORGOTTEN = """
            with changed as (
                update report r set partner_report_id = null, opened_at = null, last_change_at = null,
                    expires_at = null, expiry_warned_at = null, status = coalesce($4, r.status),
                    ended_at = case when $4 = 'retracted' then now() else r.ended_at end,
                    partner_refs = r.partner_refs - 'reportId' - 'fileIds', updated_at = now()
                where %s
                returning r.id),
            files as (
                update report_file f set file_id = null, partner_md5 = null, uploaded_at = null, described_at = null
                from changed where f.report_id = changed.id)
            select id from changed
            """.formatted(FENCE);

    /**
     * The outbox row $1 ended undone: its report ends {@code dead} ($2) or {@code failed} with the reason $3, unless
     * it ended already. A CyberTip still open at the partner is handed to a {@code report-retract} row ($4) in the
     * same statement when $5 allows (not for a retract row itself), so NCMEC does not keep an orphan.
     */
    private static final String ABANDONED = """
            with ended as (
                update report r set status = case when $2 then 'dead' else 'failed' end, last_error = $3,
                    ended_at = now(), updated_at = now(),
                    work_id = case when $5 and r.partner_report_id is not null and r.format = 'cybertip'
                        then $4 else r.work_id end
                where r.work_id = $1 and r.status not in ('accepted', 'retracted', 'failed', 'dead')
                returning r.id, r.partner, r.status, r.work_id),
            retract as (
                insert into outbox (id, kind, destination, subject_id, payload, next_attempt_at, created_at)
                select $4, '%s', ended.partner, ended.id, '{"requested": false}'::jsonb, now(), now()
                from ended where ended.work_id = $4)
            select id, partner, status from ended
            """.formatted(DeliveryKinds.RETRACT);

    private final Pool pool;
    private final DatabaseCalls calls;

    DeliveryRows(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    Uni<Map<UUID, StoredReport>> load(Collection<UUID> ids) {
        return calls.statement(pool.preparedQuery(LOAD).execute(Tuple.of(ids.toArray(UUID[]::new))))
                .map(rows -> {
                    Map<UUID, StoredReport> reports = new HashMap<>();
                    rows.forEach(row -> reports.put(row.getUUID("id"), report(row)));
                    return reports;
                });
    }

    /** One report each ({@code acceptance}, refs, partner id); answers the reports it moved. */
    Uni<List<UUID>> accepted(List<Acceptance> accepted) {
        List<Tuple> batch = accepted.stream().map(one -> fence(one.item(), one.report()).addString(one.acceptance())
                .addString(new JsonObject(Map.copyOf(one.refs())).encode())
                .addString(one.partnerReportId().orElse(null))).toList();
        return moved(ACCEPTED, batch);
    }

    record Acceptance(WorkItem item, UUID report, String acceptance, Map<String, Object> refs,
            Optional<String> partnerReportId) {
    }

    Uni<Boolean> failed(WorkItem item, UUID report, String message) {
        return landed(FAILED, fence(item, report).addString(message));
    }

    Uni<Boolean> duplicate(WorkItem item, UUID report, Duration confirmAfter) {
        return landed(DUPLICATE, fence(item, report).addUUID(UUID.randomUUID()).addLong(confirmAfter.toMillis()));
    }

    Uni<Boolean> resend(WorkItem confirm, UUID report) {
        return landed(RESEND, fence(confirm, report).addUUID(UUID.randomUUID()));
    }

    Uni<Boolean> opened(WorkItem item, UUID report, String partnerReportId, Instant at, Instant expiresAt) {
        return landed(OPENED, fence(item, report).addString(partnerReportId).addOffsetDateTime(time(at))
                .addOffsetDateTime(time(expiresAt)));
    }

    Uni<Boolean> uploaded(WorkItem item, UUID report, int position, String fileId, Optional<String> partnerMd5,
            Instant at, Instant expiresAt) {
        return landed(UPLOADED, fence(item, report).addInteger(position).addString(fileId)
                .addString(partnerMd5.orElse(null)).addOffsetDateTime(time(at)).addOffsetDateTime(time(expiresAt)));
    }

    Uni<Boolean> described(WorkItem item, UUID report, int position, Instant at, Instant expiresAt) {
        return landed(DESCRIBED, fence(item, report).addInteger(position).addOffsetDateTime(time(at))
                .addOffsetDateTime(time(expiresAt)));
    }

    /** Forgets the partner's ids; {@code status} empty keeps the report's. */
    Uni<Boolean> forgotten(WorkItem item, UUID report, Optional<String> status) {
        return landed(FORGOTTEN, fence(item, report).addString(status.orElse(null)));
    }

    /** The report the ended row owned, if it ended it now: its id, partner and new status. */
    Uni<Optional<Ended>> abandoned(WorkItem item, boolean dead, String reason, boolean retractOpen) {
        return calls.statement(pool.preparedQuery(ABANDONED).execute(Tuple.of(item.id(), dead, reason,
                UUID.randomUUID(), retractOpen))).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Ended(row.getUUID("id"), row.getString("partner"),
                            row.getString("status")));
                });
    }

    record Ended(UUID report, String partner, String status) {
    }

    private Uni<Boolean> landed(String sql, Tuple parameters) {
        return calls.statement(pool.preparedQuery(sql).execute(parameters)).map(rows -> rows.size() > 0);
    }

    private Uni<List<UUID>> moved(String sql, List<Tuple> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return calls.statement(pool.preparedQuery(sql).executeBatch(batch)).map(first -> {
            List<UUID> ids = new ArrayList<>();
            for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
                rows.forEach(row -> ids.add(row.getUUID("id")));
            }
            return ids;
        });
    }

    private static Tuple fence(WorkItem item, UUID report) {
        return Tuple.of(report, item.id(), item.leaseToken());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static StoredReport report(Row row) {
        List<StoredFile> files = new ArrayList<>();
        json(row.getString("files")).forEach(file -> files.add(new StoredFile(new EvidenceRef(
                file.get("position").asInt(), file.get("url").asText(), file.get("fileName").asText(),
                text(file, "sha256"), text(file, "md5")), text(file, "fileId"), file.get("described").asBoolean())));
        return new StoredReport(row.getUUID("id"), row.getString("partner"), row.getString("status"),
                json(row.getString("content")), Optional.ofNullable(row.getUUID("work_id")),
                Optional.ofNullable(row.getString("partner_key")),
                Optional.ofNullable(row.getString("partner_report_id")), instant(row, "opened_at"),
                instant(row, "expires_at"), row.getInteger("confirm_cycles"), files);
    }

    private static Optional<String> text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<Instant> instant(Row row, String column) {
        return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
    }

    private static JsonNode json(String text) {
        try {
            return StrictJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report JSON in the database does not parse", e);
        }
    }
}
