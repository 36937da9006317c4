package dev.warden.reports.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;
import dev.warden.spi.reporting.Exchange;

/**
 * {@code report_attempt}: one row per report per exchange with its partner (a batch call is one row for each report in
 * it), numbered per report, with the worker that held the outbox row. A failed exchange is also the report's last
 * error and its partner's ({@code reporting_partner_state}, read by {@code GET /v1/providers}). Stored whatever the
 * lease says: the exchange happened.
 */
@ApplicationScoped
class ReportAttempts {

    private static final String RECORD = """
            with numbered as (
                update report set attempts = attempts + 1,
                    last_error = case when $13 then $12 else last_error end,
                    last_http_status = case when $13 then $9 else last_http_status end,
                    last_partner_code = case when $13 then $10 else last_partner_code end
                where id = $1
                returning id, attempts, partner),
            state as (
                insert into reporting_partner_state (partner, last_error, last_error_at, last_report_id,
                    last_http_status, last_partner_code)
                select partner, $12, now(), id, $9, $10 from numbered where $13
                on conflict (partner) do update set last_error = excluded.last_error,
                    last_error_at = excluded.last_error_at, last_report_id = excluded.last_report_id,
                    last_http_status = excluded.last_http_status, last_partner_code = excluded.last_partner_code)
            insert into report_attempt (report_id, number, work_id, worker, started_at, duration_ms, step,
                file_position, batch_size, outcome, http_status, partner_code, request_id, message)
            select numbered.id, numbered.attempts, $2, (select lease_owner from outbox where id = $2), $3, $4, $5, $6,
                $7, $8, $9, $10, $11, $12
            from numbered
            """;

    private final Pool pool;
    private final DatabaseCalls calls;

    ReportAttempts(Pool pool, DatabaseCalls calls) {
        this.pool = pool;
        this.calls = calls;
    }

    /**
     * One exchange as a report's attempt. {@code failed}: it says what went wrong with the report or the partner (not
     * a report refused only because another item of its batch was).
     */
    record Attempt(UUID report, UUID workId, Instant startedAt, Duration took, String step,
            Optional<Integer> filePosition, Optional<Integer> batchSize, String outcome, Exchange exchange,
            boolean failed) {
    }

    Uni<Void> record(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = attempts.stream().map(ReportAttempts::parameters).toList();
        return calls.statement(pool.preparedQuery(RECORD).executeBatch(batch)).replaceWithVoid();
    }

    /** One exchange about one report, outside a batch. */
    Uni<Void> one(UUID report, UUID workId, String step, Optional<Integer> filePosition, String outcome,
            Exchange exchange, boolean failed, Instant startedAt, Duration took) {
        return record(List.of(new Attempt(report, workId, startedAt, took, step, filePosition, Optional.empty(),
                outcome, exchange, failed)));
    }

    private static Tuple parameters(Attempt attempt) {
        Exchange exchange = attempt.exchange();
        return Tuple.tuple()
                .addUUID(attempt.report())
                .addUUID(attempt.workId())
                .addOffsetDateTime(attempt.startedAt().atOffset(ZoneOffset.UTC))
                .addLong(attempt.took().toMillis())
                .addString(attempt.step())
                .addInteger(attempt.filePosition().orElse(null))
                .addInteger(attempt.batchSize().orElse(null))
                .addString(attempt.outcome())
                .addInteger(exchange.httpStatus().orElse(null))
                .addString(exchange.partnerCode().orElse(null))
                .addString(exchange.requestId().orElse(null))
                .addString(exchange.message())
                .addBoolean(attempt.failed());
    }
}
