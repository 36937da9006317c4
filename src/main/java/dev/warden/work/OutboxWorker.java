package dev.warden.work;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Works the outbox in this process: claims due rows in batches (woken by {@code LISTEN}, by polling, and again at
 * once while claims come back full), runs each row's {@link WorkHandler} on an event loop of its own, and stores
 * every attempt with the row's next state through the {@link CompletionWriter}.
 * <p>
 * Its bookkeeping (what runs, how busy each destination is) lives on one Vert.x context and is touched only there;
 * attempts run on fresh duplicated contexts spread over the event loops, so a handler may use Hibernate Reactive and
 * never blocks the worker. An attempt gets no deadline but its lease: still running when only the lease margin is
 * left, it is called off and retried, so no row is worked by two processes at once while clocks and the database
 * behave.
 */
final class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    /** The most of a lease kept back for recording the outcome (and telling the handler a row ended). */
    private static final Duration LONGEST_MARGIN = Duration.ofSeconds(10);
    private static final Duration PENDING_COUNT_EVERY = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final WorkHandlers handlers;
    private final OutboxSettings settings;
    private final RetryCurve retryCurve;
    private final OutboxMetrics metrics;
    private final String id;
    private final Duration margin;
    private final Context home;
    private final Executor onHome;
    private final List<Context> loops = new ArrayList<>();
    private final CompletionWriter writer;
    private final OutboxListener listener;

    private final Map<UUID, Running> running = new HashMap<>();
    private final Map<String, Integer> busy = new HashMap<>();
    private boolean started;
    private boolean stopping;
    private boolean claiming;
    private boolean claimAgain;
    private long pollTimer = -1;
    private long lastPendingCount;
    private CompletableFuture<Void> idle;

    OutboxWorker(Outbox outbox, WorkHandlers handlers, OutboxSettings settings, OutboxMetrics metrics, Pool pool,
            Vertx vertx, String id) {
        this.outbox = outbox;
        this.handlers = handlers;
        this.settings = settings;
        this.retryCurve = new RetryCurve(settings.initialBackoff(), settings.maxBackoff(), new SplittableRandom());
        this.metrics = metrics;
        this.id = id;
        Duration quarter = settings.lease().dividedBy(4);
        this.margin = quarter.compareTo(LONGEST_MARGIN) > 0 ? LONGEST_MARGIN : quarter;
        VertxInternal internal = (VertxInternal) vertx;
        this.home = internal.createEventLoopContext();
        this.onHome = task -> home.runOnContext(ignored -> task.run());
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 2; i++) {
            loops.add(internal.createEventLoopContext());
        }
        this.writer = new CompletionWriter(outbox, id, home);
        this.listener = new OutboxListener(pool, home, this::wake);
    }

    /** The worker's name in leases and attempts: which process holds or worked a row. */
    String id() {
        return id;
    }

    void start() {
        home.runOnContext(ignored -> {
            started = true;
            listener.start();
            pollTimer = home.owner().setPeriodic(settings.pollInterval().toMillis(), timer -> poll());
            claim();
        });
        LOG.infof("Outbox worker %s started: lease %s, poll every %s, batch %d, %d per destination", id,
                settings.lease(), settings.pollInterval(), settings.batchSize(), settings.destinationConcurrency());
    }

    /** Any thread: due rows may be waiting (a notification, a replay). */
    void wake() {
        home.runOnContext(ignored -> claim());
    }

    private void poll() {
        claim();
        long now = System.nanoTime();
        if (now - lastPendingCount >= PENDING_COUNT_EVERY.toNanos()) {
            lastPendingCount = now;
            outbox.countPending().subscribe().with(metrics::pending,
                    failure -> LOG.debugf("Counting pending outbox rows failed: %s", failure));
        }
    }

    private void claim() {
        if (!started || stopping) {
            return;
        }
        // One claim fills at most one destination: locking more rows than a lone busy destination can take would
        // only hold them from the other replicas for nothing.
        int room = Math.min(settings.batchSize() - running.size(), settings.destinationConcurrency());
        if (claiming || room <= 0) {
            claimAgain = true;
            return;
        }
        claiming = true;
        claimAgain = false;
        Map<String, Integer> roomOfBusy = new HashMap<>();
        busy.forEach((destination, count) -> roomOfBusy.put(destination, settings.destinationConcurrency() - count));
        long start = System.nanoTime();
        outbox.claim(room, roomOfBusy, settings.destinationConcurrency(), UUID.randomUUID(), id, settings.lease())
                .emitOn(onHome).subscribe().with(leases -> {
                    claiming = false;
                    metrics.claimed(Duration.ofNanos(System.nanoTime() - start));
                    leases.forEach(this::begin);
                    if (claimAgain || leases.size() == room) {
                        claim();
                    }
                }, failure -> {
                    claiming = false;
                    LOG.warnf("Claiming outbox rows failed (%s); trying again at the next poll", failure.toString());
                });
    }

    private void begin(Lease lease) {
        if (stopping) {
            finish(lease, null, interrupted(lease, Instant.now(), System.nanoTime()));
            return;
        }
        WorkItem item = lease.item();
        Optional<WorkHandler> handler = handlers.of(item.kind());
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        if (handler.isEmpty()) {
            finish(lease, null, new Completion(lease, AttemptOutcome.STOP, DeliveryStatus.STOPPED, Duration.ZERO,
                    Optional.empty(), Optional.of("no handler for kind '" + item.kind() + "' in this Warden (known: "
                            + handlers.known() + ")"),
                    startedAt, 0));
            return;
        }
        Running attempt = new Running(lease, handler.get(), startedAt, startNanos);
        running.put(item.id(), attempt);
        busy.merge(item.destination(), 1, Integer::sum);
        metrics.started();
        Duration budget = positive(lease.left(margin));
        Context context = VertxContext.createNewDuplicatedContext(loops.get(Math.floorMod(item.id().hashCode(),
                loops.size())));
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> attempt.subscription = Uni.createFrom()
                .deferred(() -> handler.get().attempt(item))
                .ifNoItem().after(budget).failWith(() -> new AttemptTimedOut(budget))
                .emitOn(onHome)
                .subscribe().with(result -> ended(attempt, result, null), failure -> ended(attempt, null, failure)));
    }

    private void ended(Running attempt, AttemptResult result, Throwable failure) {
        if (running.get(attempt.lease.item().id()) != attempt) {
            return; // called off already (shutdown)
        }
        endRunning(attempt);
        finish(attempt.lease, attempt.handler, judge(attempt, result, failure));
        // The freed slot may take a row a full process or destination left unclaimed. Claims coalesce: while one
        // runs, ends only ask for one more after it, so this costs one claim per claim round trip at most.
        claim();
    }

    private void endRunning(Running attempt) {
        WorkItem item = attempt.lease.item();
        running.remove(item.id());
        busy.computeIfPresent(item.destination(), (destination, count) -> count == 1 ? null : count - 1);
        metrics.ended();
        if (stopping && running.isEmpty() && idle != null) {
            idle.complete(null);
        }
    }

    private Completion judge(Running attempt, AttemptResult result, Throwable failure) {
        Lease lease = attempt.lease;
        long durationMs = (System.nanoTime() - attempt.startNanos) / 1_000_000;
        if (failure instanceof AttemptTimedOut timedOut) {
            return retry(lease, AttemptOutcome.TIMEOUT, Optional.empty(), timedOut.getMessage(), Optional.empty(),
                    attempt.startedAt, durationMs);
        }
        if (failure != null || result == null) {
            String error = failure == null ? "the handler answered nothing" : "failed in Warden: " + failure;
            if (failure != null) {
                LOG.debugf(failure, "Outbox row %s (%s): the handler failed", lease.item().id(), lease.item().kind());
            }
            return retry(lease, AttemptOutcome.ERROR, Optional.empty(), error, Optional.empty(), attempt.startedAt,
                    durationMs);
        }
        if (result instanceof AttemptResult.Retry again) {
            return retry(lease, AttemptOutcome.RETRY, again.httpStatus(), again.error(), again.retryAfter(),
                    attempt.startedAt, durationMs);
        }
        if (result instanceof AttemptResult.Stop stop) {
            return new Completion(lease, AttemptOutcome.STOP, DeliveryStatus.STOPPED, Duration.ZERO,
                    stop.httpStatus(), Optional.ofNullable(stop.error()), attempt.startedAt, durationMs);
        }
        return new Completion(lease, AttemptOutcome.DONE, DeliveryStatus.DELIVERED, Duration.ZERO,
                result.httpStatus(), Optional.empty(), attempt.startedAt, durationMs);
    }

    /** Due again after the retry curve's delay, or dead if that falls past the row's max-age. */
    private Completion retry(Lease lease, AttemptOutcome outcome, Optional<Integer> httpStatus, String error,
            Optional<Duration> retryAfter, Instant startedAt, long durationMs) {
        Duration delay = retryCurve.delay(lease.item().attempt(), retryAfter);
        boolean dead = Instant.now().plus(delay).isAfter(lease.ageFrom().plus(settings.maxAge()));
        return new Completion(lease, outcome, dead ? DeliveryStatus.DEAD : DeliveryStatus.PENDING, delay, httpStatus,
                Optional.ofNullable(error), startedAt, durationMs);
    }

    /**
     * Counts the attempt and hands it to the writer; a row that ended undone is first told to its handler, so a
     * crash in between leaves the row leased and worked again, never ended without the handler knowing.
     */
    private void finish(Lease lease, WorkHandler handler, Completion completion) {
        WorkItem item = lease.item();
        metrics.attempted(item.kind(), completion.outcome());
        boolean ended = completion.next() == DeliveryStatus.STOPPED || completion.next() == DeliveryStatus.DEAD;
        if (completion.next() == DeliveryStatus.DEAD) {
            metrics.deadLettered(item.kind(), item.destination());
        }
        if (!ended || handler == null) {
            writer.add(completion);
            return;
        }
        String reason = reason(completion);
        LOG.infof("Outbox row %s (%s to %s) %s", item.id(), item.kind(), item.destination(), reason);
        Duration budget = positive(lease.left(margin.dividedBy(2)));
        Context context = VertxContext.createNewDuplicatedContext(home);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> handler.abandoned(item, reason))
                .ifNoItem().after(budget).fail()
                .emitOn(onHome)
                .subscribe().with(done -> writer.add(completion), failure -> {
                    LOG.warnf("Outbox row %s: the %s handler failed to record that the row %s: %s", item.id(),
                            item.kind(), completion.next().wireName(), failure.toString());
                    writer.add(completion);
                }));
    }

    private String reason(Completion completion) {
        String error = completion.error().orElse("no error given");
        if (completion.next() == DeliveryStatus.STOPPED) {
            return "stopped after attempt " + completion.lease().item().attempt() + ": " + error;
        }
        return "dead-lettered: not done within warden.outbox.max-age (" + settings.maxAge() + ") after "
                + completion.lease().item().attempt() + " attempts; last error: " + error;
    }

    /**
     * Stops claiming, lets attempts in flight finish for the shutdown grace, calls off the rest (due again at once),
     * stores every outcome and releases whatever this worker still holds.
     */
    Uni<Void> stop() {
        return Uni.createFrom().<CompletableFuture<Void>>emitter(emitter -> home.runOnContext(ignored -> {
            stopping = true;
            if (pollTimer >= 0) {
                home.owner().cancelTimer(pollTimer);
            }
            listener.stop();
            idle = new CompletableFuture<>();
            if (running.isEmpty()) {
                idle.complete(null);
            }
            emitter.complete(idle);
        })).chain(waiting -> Uni.createFrom().completionStage(waiting)
                .ifNoItem().after(settings.shutdownGrace()).recoverWithItem((Void) null))
                .emitOn(onHome)
                .invoke(this::interruptAll)
                .chain(writer::drained)
                .chain(() -> outbox.release(id))
                .invoke(released -> LOG.infof("Outbox worker %s stopped%s", id,
                        released > 0 ? "; released " + released + " rows to other replicas" : ""))
                .onFailure().invoke(failure -> LOG.warnf("Outbox worker %s stopped without releasing its rows "
                        + "(%s); they are due again when their leases expire", id, failure.toString()))
                .replaceWithVoid();
    }

    private void interruptAll() {
        for (Running attempt : List.copyOf(running.values())) {
            Cancellable subscription = attempt.subscription;
            if (subscription != null) {
                subscription.cancel();
            }
            endRunning(attempt);
            finish(attempt.lease, attempt.handler, interrupted(attempt.lease, attempt.startedAt, attempt.startNanos));
        }
    }

    private static Completion interrupted(Lease lease, Instant startedAt, long startNanos) {
        return new Completion(lease, AttemptOutcome.INTERRUPTED, DeliveryStatus.PENDING, Duration.ZERO,
                Optional.empty(), Optional.of("Warden stopped during the attempt"), startedAt,
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() || duration.isZero() ? Duration.ofMillis(1) : duration;
    }

    /** An attempt in flight; its subscription is set on the attempt's own context, read here to call it off. */
    private static final class Running {
        final Lease lease;
        final WorkHandler handler;
        final Instant startedAt;
        final long startNanos;
        volatile Cancellable subscription;

        Running(Lease lease, WorkHandler handler, Instant startedAt, long startNanos) {
            this.lease = lease;
            this.handler = handler;
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }
    }

    /** The attempt outlived its lease less the margin. */
    private static final class AttemptTimedOut extends RuntimeException {
        AttemptTimedOut(Duration budget) {
            super("the attempt took longer than " + budget.toMillis() + " ms, what its lease left it; called off",
                    null, false, false);
        }
    }
}
