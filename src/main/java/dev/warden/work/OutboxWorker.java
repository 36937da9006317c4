package dev.warden.work;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

import dev.warden.observability.DeliveryTrace;
import dev.warden.observability.DeliveryTracing;

/**
 * Works the outbox in this process: claims due rows in batches (woken by {@code LISTEN}, by polling, and again at
 * once while claims come back full), runs each row's {@link WorkHandler} on an event loop of its own, and stores
 * every attempt with the row's next state through the {@link CompletionWriter}. Rows of a kind whose handler
 * {@link WorkHandler#batches() batches} are claimed in groups at the destinations {@link DestinationLimits} knows,
 * and a group is one attempt with one outcome per row.
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
    private final DestinationLimits limits;
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
    private final DeliveryTracing tracing = DeliveryTracing.current();

    private final Map<UUID, Running> running = new HashMap<>();
    private final Map<String, Integer> busy = new HashMap<>();
    private boolean started;
    private boolean stopping;
    private boolean claiming;
    private boolean claimAgain;
    private long pollTimer = -1;
    private long lastPendingCount;
    private CompletableFuture<Void> idle;

    /** A worker that gives every destination {@code warden.outbox.destination-concurrency} and claims no groups. */
    OutboxWorker(Outbox outbox, WorkHandlers handlers, OutboxSettings settings, OutboxMetrics metrics, Pool pool,
            Vertx vertx, String id) {
        this(outbox, handlers, new EveryDestinationLimit(List.of()), settings, metrics, pool, vertx, id);
    }

    OutboxWorker(Outbox outbox, WorkHandlers handlers, DestinationLimits limits, OutboxSettings settings,
            OutboxMetrics metrics, Pool pool, Vertx vertx, String id) {
        this.outbox = outbox;
        this.handlers = handlers;
        this.limits = limits;
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

    /**
     * One claim round: first the rows that go in groups, then single rows with the slots left. Slots count attempts
     * (a group is one), per process ({@code batch-size}) and per destination.
     */
    private void claim() {
        if (!started || stopping) {
            return;
        }
        if (claiming || settings.batchSize() - running.size() <= 0) {
            claimAgain = true;
            return;
        }
        claiming = true;
        claimAgain = false;
        long start = System.nanoTime();
        List<GroupClaim> grouped = groupedPairs();
        List<GroupClaim> groups = grouped.stream().filter(group -> group.rows() > 0).toList();
        Uni<Boolean> groupsFull = groups.isEmpty() ? Uni.createFrom().item(false)
                : outbox.claimGroups(groups, UUID.randomUUID(), id, settings.lease()).emitOn(onHome)
                        .map(leases -> beginGroups(groups, leases));
        groupsFull.chain(full -> claimSingles(grouped).map(singlesFull -> full || singlesFull))
                .subscribe().with(full -> {
                    claiming = false;
                    metrics.claimed(Duration.ofNanos(System.nanoTime() - start));
                    if (claimAgain || full) {
                        claim();
                    }
                }, failure -> {
                    claiming = false;
                    LOG.warnf("Claiming outbox rows failed (%s); trying again at the next poll", failure.toString());
                });
    }

    /** Answers whether the claim came back full: more rows may be due. */
    private Uni<Boolean> claimSingles(List<GroupClaim> grouped) {
        // One claim fills at most one destination: locking more rows than a lone busy destination can take would
        // only hold them from the other replicas for nothing.
        int room = Math.min(settings.batchSize() - running.size(), settings.destinationConcurrency());
        if (room <= 0) {
            return Uni.createFrom().item(false); // the end of an attempt claims again
        }
        Map<String, Integer> roomByDestination = new HashMap<>();
        limits.destinations().forEach(destination -> roomByDestination.put(destination, freeSlots(destination)));
        busy.keySet().forEach(destination -> roomByDestination.put(destination, freeSlots(destination)));
        return outbox.claim(room, roomByDestination, settings.destinationConcurrency(), grouped, UUID.randomUUID(),
                id, settings.lease()).emitOn(onHome).map(leases -> {
                    leases.forEach(lease -> begin(List.of(lease)));
                    return leases.size() == room;
                });
    }

    /**
     * Every batching kind at every destination known in advance where its handler takes more than one row: those
     * rows never go one by one. Each destination's free slots are shared out among its batching kinds, and no more
     * slots than this process has left; a pair with none this round has {@code rows} 0.
     */
    private List<GroupClaim> groupedPairs() {
        List<WorkHandler> batching = handlers.batching();
        if (batching.isEmpty()) {
            return List.of();
        }
        int processSlots = settings.batchSize() - running.size();
        List<GroupClaim> pairs = new ArrayList<>();
        for (String destination : limits.destinations()) {
            List<WorkHandler> here = batching.stream().filter(handler -> groupSize(handler, destination) > 1)
                    .toList();
            int free = Math.max(0, freeSlots(destination));
            for (int i = 0; i < here.size(); i++) {
                WorkHandler handler = here.get(i);
                int slots = Math.min(free / here.size() + (i < free % here.size() ? 1 : 0), processSlots);
                processSlots -= slots;
                int size = groupSize(handler, destination);
                pairs.add(new GroupClaim(handler.kind(), destination, slots * size, size,
                        handler.batchLinger(destination)));
            }
        }
        return pairs;
    }

    private static int groupSize(WorkHandler handler, String destination) {
        return Math.max(1, handler.batchLimit(destination));
    }

    private int freeSlots(String destination) {
        int limit = limits.concurrency(destination).orElse(settings.destinationConcurrency());
        return limit - busy.getOrDefault(destination, 0);
    }

    /**
     * Cuts each pair's leases (oldest first) into groups of its size, one attempt each; answers whether some pair
     * took every slot it had, so more of its rows may be due.
     */
    private boolean beginGroups(List<GroupClaim> groups, List<Lease> leases) {
        Map<Pair, List<Lease>> byPair = new HashMap<>();
        leases.forEach(lease -> byPair.computeIfAbsent(new Pair(lease.item().kind(), lease.item().destination()),
                key -> new ArrayList<>()).add(lease));
        boolean full = false;
        for (GroupClaim group : groups) {
            List<Lease> taken = byPair.getOrDefault(new Pair(group.kind(), group.destination()), List.of());
            for (int from = 0; from < taken.size(); from += group.groupSize()) {
                begin(taken.subList(from, Math.min(taken.size(), from + group.groupSize())));
            }
            full |= !taken.isEmpty() && taken.size() == group.rows();
        }
        return full;
    }

    /** The rows one group may hold: of one kind, for one destination. */
    private record Pair(String kind, String destination) {
    }

    /** One attempt at one row, or at a group of rows of one kind and destination. */
    private void begin(List<Lease> leases) {
        if (stopping) {
            leases.forEach(lease -> finish(lease, null, interrupted(lease, Instant.now(), System.nanoTime())));
            return;
        }
        WorkItem first = leases.get(0).item();
        Optional<WorkHandler> handler = handlers.of(first.kind());
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        if (handler.isEmpty()) {
            leases.forEach(lease -> finish(lease, null, new Completion(lease, AttemptOutcome.STOP,
                    DeliveryStatus.STOPPED, Duration.ZERO, Optional.empty(), Optional.of("no handler for kind '"
                            + first.kind() + "' in this Warden (known: " + handlers.known() + ")"),
                    startedAt, 0)));
            return;
        }
        Running attempt = new Running(List.copyOf(leases), handler.get(), startedAt, startNanos,
                tracing.start(first.kind(), first.destination(), first.attempt(), leases.size()));
        running.put(first.id(), attempt);
        busy.merge(first.destination(), 1, Integer::sum);
        metrics.started();
        Duration budget = positive(leases.stream().map(lease -> lease.left(margin)).min(Duration::compareTo)
                .orElseThrow());
        List<WorkItem> items = leases.stream().map(Lease::item).toList();
        Context context = VertxContext.createNewDuplicatedContext(loops.get(Math.floorMod(first.id().hashCode(),
                loops.size())));
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> attempt.subscription = Uni.createFrom()
                .deferred(() -> call(handler.get(), items))
                .ifNoItem().after(budget).failWith(() -> new AttemptTimedOut(budget))
                .emitOn(onHome)
                .subscribe().with(results -> ended(attempt, results, null), failure -> ended(attempt, null, failure)));
    }

    /** A batching handler gets every row through attemptBatch, a group of one too; others one row at a time. */
    private static Uni<List<AttemptResult>> call(WorkHandler handler, List<WorkItem> items) {
        if (handler.batches()) {
            return handler.attemptBatch(items);
        }
        return handler.attempt(items.get(0)).map(Collections::singletonList);
    }

    private void ended(Running attempt, List<AttemptResult> results, Throwable failure) {
        if (running.get(attempt.first().id()) != attempt) {
            return; // called off already (shutdown)
        }
        endRunning(attempt);
        long durationMs = (System.nanoTime() - attempt.startNanos) / 1_000_000;
        int rows = attempt.leases.size();
        Throwable answer = failure == null && results != null && results.size() != rows
                ? new WrongResultCount(results.size(), rows)
                : failure;
        for (int i = 0; i < rows; i++) {
            AttemptResult result = answer == null && results != null ? results.get(i) : null;
            Lease lease = attempt.leases.get(i);
            Completion completion = judge(lease, result, answer, attempt.startedAt, durationMs);
            attempt.trace.ended(completion.outcome().wireName(), completion.outcome() != AttemptOutcome.DONE);
            finish(lease, attempt.handler, completion);
        }
        // The freed slot may take a row a full process or destination left unclaimed. Claims coalesce: while one
        // runs, ends only ask for one more after it, so this costs one claim per claim round trip at most.
        claim();
    }

    private void endRunning(Running attempt) {
        WorkItem first = attempt.first();
        running.remove(first.id());
        busy.computeIfPresent(first.destination(), (destination, count) -> count == 1 ? null : count - 1);
        metrics.ended();
        if (stopping && running.isEmpty() && idle != null) {
            idle.complete(null);
        }
    }

    private Completion judge(Lease lease, AttemptResult result, Throwable failure, Instant startedAt,
            long durationMs) {
        if (failure instanceof AttemptTimedOut timedOut) {
            return retry(lease, AttemptOutcome.TIMEOUT, Optional.empty(), timedOut.getMessage(), Optional.empty(),
                    startedAt, durationMs);
        }
        if (failure != null || result == null) {
            String error = failure == null ? "the handler answered nothing" : "failed in Warden: " + failure;
            if (failure != null) {
                LOG.debugf(failure, "Outbox row %s (%s): the handler failed", lease.item().id(), lease.item().kind());
            }
            return retry(lease, AttemptOutcome.ERROR, Optional.empty(), error, Optional.empty(), startedAt,
                    durationMs);
        }
        if (result instanceof AttemptResult.Retry again) {
            return retry(lease, AttemptOutcome.RETRY, again.httpStatus(), again.error(), again.retryAfter(),
                    startedAt, durationMs);
        }
        if (result instanceof AttemptResult.Stop stop) {
            return new Completion(lease, AttemptOutcome.STOP, DeliveryStatus.STOPPED, Duration.ZERO,
                    stop.httpStatus(), Optional.ofNullable(stop.error()), startedAt, durationMs);
        }
        return new Completion(lease, AttemptOutcome.DONE, DeliveryStatus.DELIVERED, Duration.ZERO,
                result.httpStatus(), Optional.empty(), startedAt, durationMs);
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
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> handler.abandoned(item, reason,
                completion.next() == DeliveryStatus.DEAD))
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
            attempt.trace.ended(AttemptOutcome.INTERRUPTED.wireName(), true);
            attempt.leases.forEach(lease -> finish(lease, attempt.handler,
                    interrupted(lease, attempt.startedAt, attempt.startNanos)));
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

    /**
     * An attempt in flight at one row or a group of rows of one kind and destination, known by its first row; its
     * subscription is set on the attempt's own context, read here to call it off.
     */
    private static final class Running {
        final List<Lease> leases;
        final WorkHandler handler;
        final Instant startedAt;
        final long startNanos;
        /** Ended with the first row's outcome: a group's rows share one attempt. */
        final DeliveryTrace trace;
        volatile Cancellable subscription;

        Running(List<Lease> leases, WorkHandler handler, Instant startedAt, long startNanos, DeliveryTrace trace) {
            this.leases = leases;
            this.handler = handler;
            this.startedAt = startedAt;
            this.startNanos = startNanos;
            this.trace = trace;
        }

        WorkItem first() {
            return leases.get(0).item();
        }
    }

    /** A group's handler answered a result list of another length: which row got which outcome is unknown. */
    private static final class WrongResultCount extends RuntimeException {
        WrongResultCount(int results, int rows) {
            super("the handler answered " + results + " results for " + rows + " rows", null, false, false);
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
