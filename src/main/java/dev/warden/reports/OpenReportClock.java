package dev.warden.reports;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;
import dev.warden.spi.reporting.SteppedReportingAdapter;

/**
 * The expiry clock of reports open at a stepped partner (NCMEC deletes a report left unfinished: 24 h after it was
 * opened or 1 h after its last change, whichever is later). Every {@link #PERIOD}, on any replica: each open report
 * past its partner's {@code expiry-warning} share of its window is marked, logged at WARN and counted
 * ({@code warden.reports.open.expiry.warnings}) exactly once across replicas, because one statement marks it and
 * only the replica whose statement marked it warns. The gauges {@code warden.reports.open} and
 * {@code warden.reports.open.expiry.used} (the largest share any open report has used) are refreshed too.
 */
@ApplicationScoped
public class OpenReportClock {

    static final Duration PERIOD = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(OpenReportClock.class);

    private static final String WARN = """
            with shares as (
                select * from unnest($1::text[], $2::float8[]) as s(partner, share)),
            due as (
                select r.id from report r join shares s on s.partner = r.partner
                where r.status = 'in_progress' and r.expires_at is not null and r.opened_at is not null
                    and r.expiry_warned_at is null
                    and now() >= r.opened_at + (r.expires_at - r.opened_at) * s.share
                for update of r skip locked)
            update report r set expiry_warned_at = now() from due where r.id = due.id
            returning r.id, r.partner, r.expires_at
            """;

    private static final String OPEN = """
            select partner, count(*) as open,
                coalesce(max(extract(epoch from now() - opened_at)
                    / nullif(extract(epoch from expires_at - opened_at), 0)), 0) as used
            from report
            where status = 'in_progress' and expires_at is not null and opened_at is not null
                and partner = any($1::text[])
            group by partner
            """;

    /** One report the clock warned about. */
    public record Warned(UUID report, String partner, OffsetDateTime expiresAt) {
    }

    private final ReportingPartners partners;
    private final Pool pool;
    private final DatabaseCalls calls;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> usedPerMillion = new ConcurrentHashMap<>();
    private long timer = -1;

    OpenReportClock(ReportingPartners partners, Pool pool, DatabaseCalls calls, MeterRegistry registry) {
        this.partners = partners;
        this.pool = pool;
        this.calls = calls;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        for (String partner : stepped()) {
            AtomicLong count = open.computeIfAbsent(partner, id -> new AtomicLong());
            AtomicLong used = usedPerMillion.computeIfAbsent(partner, id -> new AtomicLong());
            Gauge.builder("warden.reports.open", count, AtomicLong::get)
                    .description("Reports open at the partner, not yet finished").tag("partner", partner)
                    .register(registry);
            Gauge.builder("warden.reports.open.expiry.used", used, value -> value.get() / 1_000_000.0)
                    .description("The largest share of its window an open report has used (0..1)")
                    .tag("partner", partner).register(registry);
        }
        if (!open.isEmpty()) {
            timer = vertx.setPeriodic(PERIOD.toMillis(), id -> tick().subscribe().with(warned -> {
            }, failure -> LOG.warnf("The open report clock could not run: %s", failure.toString())));
        }
    }

    void stop(@Observes ShutdownEvent stopping, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One turn of the clock: the reports this replica warned about now. */
    public Uni<List<Warned>> tick() {
        List<String> ids = stepped();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Double[] shares = ids.stream().map(id -> partners.find(id).orElseThrow().settings().expiryWarning())
                .toArray(Double[]::new);
        return calls.statement(pool.preparedQuery(WARN).execute(Tuple.of(ids.toArray(String[]::new), shares)))
                .map(rows -> {
                    List<Warned> warned = new ArrayList<>();
                    for (Row row : rows) {
                        Warned one = new Warned(row.getUUID("id"), row.getString("partner"),
                                row.getOffsetDateTime("expires_at"));
                        warned.add(one);
                        LOG.warnf("Report %s to %s is open at the partner and is deleted unfinished at %s; finish"
                                + " or retract it", one.report(), one.partner(), one.expiresAt());
                        registry.counter("warden.reports.open.expiry.warnings", "partner", one.partner()).increment();
                    }
                    return warned;
                })
                .call(() -> refreshGauges(ids));
    }

    private Uni<Void> refreshGauges(List<String> ids) {
        return calls.statement(pool.preparedQuery(OPEN).execute(Tuple.of(ids.toArray(String[]::new))))
                .invoke(rows -> {
                    open.values().forEach(value -> value.set(0));
                    usedPerMillion.values().forEach(value -> value.set(0));
                    for (Row row : rows) {
                        String partner = row.getString("partner");
                        open.computeIfAbsent(partner, id -> new AtomicLong()).set(row.getLong("open"));
                        usedPerMillion.computeIfAbsent(partner, id -> new AtomicLong())
                                .set(Math.round(row.getDouble("used") * 1_000_000));
                    }
                }).replaceWithVoid();
    }

    private List<String> stepped() {
        return partners.partners().stream().filter(partner -> partner.adapter() instanceof SteppedReportingAdapter)
                .map(ReportingPartner::id).sorted().toList();
    }
}
