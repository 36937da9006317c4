package dev.warden.reports;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.warden.persistence.DatabaseCalls;

/**
 * A reporting partner's {@code rate-limit.per-minute}, shared by every replica: one fixed-window counter row per
 * partner in {@code partner_rate_window}, taken before each call. The partner counts calls per authenticated user
 * (DSA), not per Warden process, so the guard's per-process {@code rate-limit.per-second} cannot keep to it alone.
 * Windows are the database's calendar minutes, so every replica agrees on them whatever its own clock says.
 */
@ApplicationScoped
public class PartnerPacing {

    /** The meter of calls postponed to a later window; tagged {@code partner}. */
    static final String WAITS = "warden.reports.rate.waits";

    /**
     * One call more in this minute's window ($1, limit $2): a row from an earlier minute starts the window afresh,
     * a full window is left as it is and answers no {@code used}. Either way the answer says how long until the
     * next window, by the database's clock.
     */
    private static final String TAKE = """
            with window_now as (select date_trunc('minute', now()) as start),
            taken as (
                insert into partner_rate_window (partner, window_start, used)
                select $1, start, 1 from window_now
                on conflict (partner) do update set
                    window_start = excluded.window_start,
                    used = case when partner_rate_window.window_start = excluded.window_start
                        then partner_rate_window.used + 1 else 1 end
                where partner_rate_window.window_start < excluded.window_start
                    or partner_rate_window.used < $2
                returning used)
            select (select used from taken) as used,
                ceil(extract(epoch from (start + interval '1 minute' - now())) * 1000)::bigint as next_window_ms
            from window_now
            """;

    private final Pool pool;
    private final DatabaseCalls calls;
    private final MeterRegistry registry;

    PartnerPacing(Pool pool, DatabaseCalls calls, MeterRegistry registry) {
        this.pool = pool;
        this.calls = calls;
        this.registry = registry;
    }

    /**
     * Takes one call of the partner's window: empty means go now; a duration means the window is full and the call
     * must wait that long (until the next minute), and nothing was taken. No limit configured: empty, without a
     * statement. Fails like any statement when the database does (the attempt is then retried).
     */
    public Uni<Optional<Duration>> acquire(ReportingPartner partner) {
        return acquire(partner.id(), partner.settings().perMinute());
    }

    Uni<Optional<Duration>> acquire(String partner, int perMinute) {
        if (perMinute <= 0) {
            return Uni.createFrom().item(Optional.empty());
        }
        return calls.statement(pool.preparedQuery(TAKE).execute(Tuple.of(partner, perMinute))).map(rows -> {
            Row row = rows.iterator().next();
            if (row.getInteger("used") != null) {
                return Optional.<Duration>empty();
            }
            registry.counter(WAITS, "partner", partner).increment();
            return Optional.of(Duration.ofMillis(Math.max(1, row.getLong("next_window_ms"))));
        });
    }
}
