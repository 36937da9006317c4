package dev.warden.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;

/**
 * Every reporting partner's queue in one statement, for {@code GET /v1/providers} and the report gauges. Each count
 * reads one partial or partner index ({@code report_pending}, {@code report_open}, {@code report_listing_partner});
 * the answer is shared for {@link #FRESH_FOR}, so a busy operator view costs the database one statement per period.
 */
@ApplicationScoped
public class ReportQueues {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final String PENDING = "r.status in ('queued', 'in_progress', 'submitted')";
    private static final String SNAPSHOT = """
            select p.partner,
                (select count(*) from report r where r.partner = p.partner and %1$s) as pending,
                (select min(r.queued_at) from report r where r.partner = p.partner and %1$s) as oldest,
                (select count(*) from report r where r.partner = p.partner and r.status = 'in_progress'
                    and r.expires_at is not null) as open,
                (select count(*) from report r where r.partner = p.partner and r.status = 'dead') as dead,
                s.last_error, s.last_error_at, s.last_report_id, s.last_http_status, s.last_partner_code
            from unnest($1::text[]) as p(partner)
                left join reporting_partner_state s on s.partner = p.partner
            """.formatted(PENDING);

    private final ReportingPartners partners;
    private final Uni<Map<String, QueueSnapshot>> query;
    /**
     * The last answer, reused for {@link #FRESH_FOR}. A plain cache rather than a memoized Uni: a memoized query
     * whose subscription never completed would hold every later caller with it.
     */
    private final AtomicReference<Counted> last = new AtomicReference<>();

    ReportQueues(ReportingPartners partners, Pool pool, DatabaseCalls calls) {
        this.partners = partners;
        Tuple ids = Tuple.of(partners.ids().toArray(String[]::new));
        this.query = Uni.createFrom().deferred(() -> calls.statement(pool.preparedQuery(SNAPSHOT).execute(ids)))
                .map(rows -> {
                    Map<String, QueueSnapshot> snapshots = new HashMap<>();
                    rows.forEach(row -> snapshots.put(row.getString("partner"), snapshot(row)));
                    return Map.copyOf(snapshots);
                });
    }

    /** Each configured reporting partner's queue; fails when the database does not answer in time. */
    public Uni<Map<String, QueueSnapshot>> snapshot() {
        if (partners.ids().isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Counted counted = last.get();
        if (counted != null && counted.at().plus(FRESH_FOR).isAfter(Instant.now())) {
            return Uni.createFrom().item(counted.queues());
        }
        return query.invoke(queues -> last.set(new Counted(queues, Instant.now())));
    }

    private record Counted(Map<String, QueueSnapshot> queues, Instant at) {
    }

    private static QueueSnapshot snapshot(Row row) {
        Optional<QueueSnapshot.LastError> lastError = Optional.ofNullable(row.getString("last_error"))
                .map(message -> new QueueSnapshot.LastError(message, instant(row, "last_error_at").orElseThrow(),
                        Optional.ofNullable(row.getUUID("last_report_id")),
                        Optional.ofNullable(row.getInteger("last_http_status")),
                        Optional.ofNullable(row.getString("last_partner_code"))));
        return new QueueSnapshot(row.getLong("pending"), instant(row, "oldest"), row.getLong("open"),
                row.getLong("dead"), lastError);
    }

    private static Optional<Instant> instant(Row row, String column) {
        return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
    }
}
