package dev.warden.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * Stores finished attempts in batches: one statement for everything that finished while the previous statement ran
 * or within {@link #LINGER} of the first, up to {@link #MAX_BATCH} rows, instead of one round trip per row. A batch
 * the database refused is tried again while its leases last; past that the rows are due again anyway, and their
 * attempts are lost (logged). Lives on the worker's context.
 */
final class CompletionWriter {

    private static final Logger LOG = Logger.getLogger(CompletionWriter.class);
    static final Duration LINGER = Duration.ofMillis(1);
    static final int MAX_BATCH = 500;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final Outbox outbox;
    private final String worker;
    private final Context home;
    private final Executor onHome;
    private final List<Completion> waiting = new ArrayList<>();
    private boolean writing;
    private long lingerTimer = -1;
    private CompletableFuture<Void> drained;

    CompletionWriter(Outbox outbox, String worker, Context home) {
        this.outbox = outbox;
        this.worker = worker;
        this.home = home;
        this.onHome = task -> home.runOnContext(ignored -> task.run());
    }

    void add(Completion completion) {
        waiting.add(completion);
        if (writing) {
            return;
        }
        if (waiting.size() >= MAX_BATCH) {
            write();
        } else if (lingerTimer < 0) {
            lingerTimer = home.owner().setTimer(LINGER.toMillis(), timer -> {
                lingerTimer = -1;
                write();
            });
        }
    }

    /** Completes once everything added so far is stored (or given up on). */
    Uni<Void> drained() {
        if (waiting.isEmpty() && !writing) {
            return Uni.createFrom().voidItem();
        }
        if (drained == null) {
            drained = new CompletableFuture<>();
        }
        return Uni.createFrom().completionStage(drained).replaceWithVoid();
    }

    private void write() {
        if (writing || waiting.isEmpty()) {
            return;
        }
        if (lingerTimer >= 0) {
            home.owner().cancelTimer(lingerTimer);
            lingerTimer = -1;
        }
        List<Completion> batch = new ArrayList<>(waiting.subList(0, Math.min(MAX_BATCH, waiting.size())));
        waiting.subList(0, batch.size()).clear();
        writing = true;
        outbox.complete(batch, worker).emitOn(onHome).subscribe().with(moved -> {
            writing = false;
            reportLostLeases(batch, moved);
            next();
        }, failure -> {
            writing = false;
            retryLater(batch, failure);
            next();
        });
    }

    private void next() {
        if (!waiting.isEmpty()) {
            write();
        } else if (drained != null) {
            drained.complete(null);
            drained = null;
        }
    }

    private static void reportLostLeases(List<Completion> batch, List<UUID> moved) {
        if (moved.size() == batch.size()) {
            return;
        }
        Set<UUID> movedIds = new HashSet<>(moved);
        batch.stream().filter(done -> !movedIds.contains(done.lease().item().id())).forEach(done -> LOG.warnf(
                "Outbox row %s: the lease expired before attempt %d was recorded (%s); another worker has it",
                done.lease().item().id(), done.lease().item().attempt(), done.outcome().wireName()));
    }

    private void retryLater(List<Completion> batch, Throwable failure) {
        long now = System.nanoTime();
        List<Completion> leased = batch.stream().filter(done -> done.lease().expiresAtNanos() - now > 0).toList();
        LOG.warnf("Storing %d outbox attempts failed (%s); %d tried again while their leases last", batch.size(),
                failure.toString(), leased.size());
        if (leased.isEmpty()) {
            return;
        }
        writing = true;
        home.owner().setTimer(RETRY_PAUSE.toMillis(), timer -> {
            writing = false;
            waiting.addAll(0, leased);
            write();
        });
    }
}
