package dev.warden.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;

import dev.warden.config.RetentionConfig;
import dev.warden.moderation.ModerationJob;
import dev.warden.persistence.DatabaseCalls;

/**
 * One retention run: every kind with an age, one after the other, each drained batch by batch until a batch finds
 * nothing more. A kind that fails (the database down or stalled) is logged as a warning and left for the next run;
 * the others still run. A run in which every kind succeeded sets {@code warden.retention.last.run}.
 * <p>
 * Pending work whose content is past its age is failed first, so that the sweeps over moderations, which stop at the
 * oldest pending one, can pass it in the same run.
 */
@ApplicationScoped
class RetentionRun {

    private static final Logger LOG = Logger.getLogger(RetentionRun.class);

    private final List<Purge> purges;
    private final RetentionMetrics metrics;

    RetentionRun(ModerationJob moderationJob, Pool pool, DatabaseCalls calls, RetentionMetrics metrics) {
        List<Purge> all = new ArrayList<>();
        all.add(new ExpiredPendingWork(moderationJob, pool, calls));
        all.addAll(ModerationSweep.all(pool, calls));
        all.addAll(AgedRows.all(pool, calls));
        this.purges = List.copyOf(all);
        this.metrics = metrics;
    }

    Uni<RetentionReport> run(RetentionConfig settings) {
        Map<RetentionKind, Long> purged = new EnumMap<>(RetentionKind.class);
        Set<RetentionKind> failed = EnumSet.noneOf(RetentionKind.class);
        return Multi.createFrom().iterable(purges)
                .filter(purge -> !purge.kind().age(settings).isZero())
                .onItem().transformToUniAndConcatenate(purge -> drain(purge, settings)
                        .invoke(rows -> purged.put(purge.kind(), rows))
                        .onFailure().recoverWithItem(failure -> {
                            failed.add(purge.kind());
                            LOG.warnf("Retention of %s failed (%s); the next run retries it", purge.kind().wireName(),
                                    describe(failure));
                            return 0L;
                        }))
                .collect().last()
                .map(ignored -> {
                    RetentionReport report = new RetentionReport(Map.copyOf(purged), Set.copyOf(failed));
                    if (report.complete()) {
                        metrics.completed(Instant.now().getEpochSecond());
                    }
                    return report;
                });
    }

    private Uni<Long> drain(Purge purge, RetentionConfig settings) {
        Duration age = purge.kind().age(settings);
        return Multi.createBy().repeating().uni(() -> purge.batch(age, settings.batchSize())).whilst(Batch::more)
                .invoke(batch -> metrics.purged(purge.kind(), batch.purged()))
                .collect().with(Collectors.summingLong(Batch::purged));
    }

    /** What went wrong, without a row's values: PostgreSQL's detail (which may quote one) is left out. */
    private static String describe(Throwable failure) {
        if (failure instanceof PgException pg) {
            return "SQLSTATE " + pg.getSqlState() + ": " + pg.getErrorMessage();
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
