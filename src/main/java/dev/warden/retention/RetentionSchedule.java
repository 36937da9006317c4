package dev.warden.retention;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;

import dev.warden.config.RetentionConfig;

/**
 * Runs retention on a Vert.x timer: the first run after a random delay of up to {@link #FIRST_RUN_SPREAD} (replicas
 * started together do not all run at once), each next run {@code interval} after the previous one ended, so runs of
 * one process never overlap. A Vert.x timer rather than the Quarkus scheduler: no extension to add, and the run is
 * non-blocking work on the reactive pool that belongs on an event loop, as the outbox worker's polling does.
 */
final class RetentionSchedule {

    static final Duration FIRST_RUN_SPREAD = Duration.ofMinutes(1);

    private final RetentionRun run;
    private final RetentionConfig settings;
    private final Vertx vertx;
    private long timer = -1;
    private Cancellable running;
    private boolean stopped;

    RetentionSchedule(RetentionRun run, RetentionConfig settings, Vertx vertx) {
        this.run = run;
        this.settings = settings;
        this.vertx = vertx;
    }

    synchronized void start(Duration firstRunWithin) {
        long spread = Math.max(1, Math.min(firstRunWithin.toMillis(), settings.interval().toMillis()));
        schedule(1 + ThreadLocalRandom.current().nextLong(spread));
    }

    /** No new run starts; a run in progress is called off (each statement ends on its own, within its bound). */
    synchronized void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        if (running != null) {
            running.cancel();
        }
    }

    private synchronized void schedule(long delayMillis) {
        if (!stopped) {
            timer = vertx.setTimer(delayMillis, ignored -> runNow());
        }
    }

    private synchronized void runNow() {
        if (stopped) {
            return;
        }
        // A run never fails (each kind's failure is logged and left for the next run); next() is also the safety net.
        running = run.run(settings).subscribe().with(report -> next(), failure -> next());
    }

    private void next() {
        schedule(settings.interval().toMillis());
    }
}
