package dev.warden.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Writes of concurrent callers committed together: the statements queued while earlier ones run go to PostgreSQL as
 * one batch per SQL text ({@code executeBatch}: one round trip, one implicit transaction ended by the protocol's
 * single Sync, so one commit and one WAL flush for all of them). Each caller is answered only after that commit.
 * <p>
 * Nothing waits on a timer: while fewer than {@code max-in-flight} batches run, a statement is sent at once, so a
 * quiet gateway pays no added latency; under load, statements gather behind the batches in flight, and the wait is
 * bounded by one batch's time. A batch that fails on its data (a constraint, a bad value) is tried again one statement
 * at a time, so each caller gets its own answer and one caller's conflict never fails another's write. A write whose
 * caller gave up while it was queued leaves the queue unsent, so the queue holds at most what arrives within the
 * callers' database timeout, and nothing is stored for a caller that was told it failed. Created at
 * start-up, so that limits below one stop Warden there, naming the key, rather than failing its first moderation.
 */
@Startup
@ApplicationScoped
public class GroupCommit {

    /** SQLSTATE classes of failures that belong to one statement's data: 22 data exception, 23 constraint. */
    private static final List<String> DATA_FAILURES = List.of("22", "23");

    private final Pool pool;
    private final int maxInFlight;
    private final int maxBatch;
    private final ArrayDeque<Write> queued = new ArrayDeque<>();
    private int inFlight;

    GroupCommit(Pool pool, @ConfigProperty(name = "warden.database.group-commit.max-in-flight") int maxInFlight,
            @ConfigProperty(name = "warden.database.group-commit.max-batch") int maxBatch) {
        if (maxInFlight < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("warden.database.group-commit.max-in-flight and .max-batch must be"
                    + " at least 1, not " + maxInFlight + " and " + maxBatch);
        }
        this.pool = pool;
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
    }

    /** Runs {@code sql} with these parameters, committed with whatever else is queued; emits after the commit. */
    public Uni<Void> execute(String sql, Tuple parameters) {
        return Uni.createFrom().emitter(emitter -> {
            List<List<Write>> batches;
            Write write = new Write(sql, parameters, VertxContexts.current(), emitter, new AtomicBoolean());
            // A caller that gave up (its database timeout) got its error: its write must not be stored after it.
            emitter.onTermination(() -> write.abandoned().set(true));
            synchronized (queued) {
                queued.add(write);
                batches = takeBatches();
            }
            batches.forEach(this::send);
        });
    }

    /** Under the lock: the batches to send now, each counted in flight. */
    private List<List<Write>> takeBatches() {
        List<List<Write>> batches = new ArrayList<>();
        while (inFlight < maxInFlight && !queued.isEmpty()) {
            Map<String, List<Write>> bySql = new LinkedHashMap<>();
            int taken = 0;
            while (taken < maxBatch && !queued.isEmpty()) {
                Write write = queued.poll();
                if (!write.abandoned().get()) {
                    bySql.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write);
                    taken++;
                }
            }
            inFlight += bySql.size();
            batches.addAll(bySql.values());
        }
        return batches;
    }

    private void send(List<Write> batch) {
        String sql = batch.get(0).sql();
        Uni<?> sent = batch.size() == 1 ? pool.preparedQuery(sql).execute(batch.get(0).parameters())
                : pool.preparedQuery(sql).executeBatch(batch.stream().map(Write::parameters).toList());
        sent.subscribe().with(done -> {
            sendNext();
            batch.forEach(Write::committed);
        }, failure -> {
            sendNext();
            if (batch.size() > 1 && isDataFailure(failure)) {
                batch.forEach(this::sendAlone);
            } else {
                batch.forEach(write -> write.failed(failure));
            }
        });
    }

    private void sendNext() {
        List<List<Write>> batches;
        synchronized (queued) {
            inFlight--;
            batches = takeBatches();
        }
        batches.forEach(this::send);
    }

    private void sendAlone(Write write) {
        pool.preparedQuery(write.sql()).execute(write.parameters()).subscribe()
                .with(done -> write.committed(), write::failed);
    }

    private static boolean isDataFailure(Throwable failure) {
        return failure instanceof PgException pg && pg.getSqlState() != null
                && DATA_FAILURES.contains(pg.getSqlState().substring(0, 2));
    }

    /** One caller's statement, answered on the caller's own Vert.x context, as a statement of its own would be. */
    private record Write(String sql, Tuple parameters, Executor callersContext, UniEmitter<? super Void> emitter,
            AtomicBoolean abandoned) {

        void committed() {
            callersContext.execute(() -> emitter.complete(null));
        }

        void failed(Throwable failure) {
            callersContext.execute(() -> emitter.fail(failure));
        }
    }
}
