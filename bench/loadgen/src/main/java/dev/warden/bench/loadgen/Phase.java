package dev.warden.bench.loadgen;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One constant-rate phase, run on a single event loop. A 1 ms periodic tick sends every request whose intended
 * time has come and expires requests that outlived the timeout; the phase completes once every request is
 * settled. Sending never waits for responses (open loop), so a slow target cannot slow the arrivals down.
 */
final class Phase {

    /** The finest Vert.x timer; a send up to a tick late is still charged to latency from the intended time. */
    private static final long TICK_MS = 1;

    private final Vertx vertx;
    private final HttpClient client;
    private final TargetRequest target;
    private final ArrivalSchedule schedule;
    private final long timeoutNanos;
    private final PhaseRecorder recorder;
    private final Promise<PhaseRecorder> completion = Promise.promise();
    /** In dispatch order, which is also deadline order because every request has the same timeout. */
    private final ArrayDeque<InFlightRequest> inFlight = new ArrayDeque<>();
    private long startNanos;
    private long nextIndex;
    private long settledCount;
    private long tickTimerId;

    Phase(Vertx vertx, HttpClient client, TargetRequest target, double ratePerSecond, Duration duration,
          Duration timeout) {
        this.vertx = vertx;
        this.client = client;
        this.target = target;
        this.schedule = new ArrivalSchedule(ratePerSecond, duration);
        this.timeoutNanos = timeout.toNanos();
        this.recorder = new PhaseRecorder(ratePerSecond, duration);
    }

    /** Must be called on the event loop that the client's connections belong to. */
    Future<PhaseRecorder> start() {
        startNanos = System.nanoTime();
        recorder.startWindow(startNanos);
        tickTimerId = vertx.setPeriodic(TICK_MS, id -> tick());
        tick();
        return completion.future();
    }

    private void tick() {
        long due = schedule.dueCount(System.nanoTime() - startNanos);
        while (nextIndex < due) {
            dispatch(startNanos + schedule.intendedOffsetNanos(nextIndex++));
        }
        expireOverdue(System.nanoTime());
        completeIfAllSettled();
    }

    private void dispatch(long intendedNanos) {
        InFlightRequest request = new InFlightRequest(intendedNanos, System.nanoTime());
        inFlight.addLast(request);
        recorder.dispatched(intendedNanos, request.dispatchedNanos);
        client.request(target.newRequestOptions())
                .compose(httpRequest -> request.attach(httpRequest)
                        ? httpRequest.send(target.body())
                        : Future.failedFuture("timed out waiting for a pooled connection"))
                .compose(response -> response.end().map(ignored -> response.statusCode()))
                .onComplete(outcome -> settle(request, outcome));
    }

    private void settle(InFlightRequest request, AsyncResult<Integer> outcome) {
        if (!request.settle()) {
            return; // already counted as a timeout; this is the reset or a straggler arriving late
        }
        settledCount++;
        if (outcome.failed()) {
            recorder.failed(ErrorKinds.CONNECTION);
        } else if (outcome.result() / 100 == 2) {
            recorder.succeeded(request.intendedNanos, System.nanoTime());
        } else {
            recorder.failed(ErrorKinds.status(outcome.result()));
        }
        completeIfAllSettled();
    }

    private void expireOverdue(long nowNanos) {
        while (!inFlight.isEmpty()) {
            InFlightRequest oldest = inFlight.peekFirst();
            if (!oldest.isSettled() && nowNanos - oldest.dispatchedNanos < timeoutNanos) {
                return;
            }
            inFlight.removeFirst();
            if (oldest.settle()) {
                settledCount++;
                recorder.failed(ErrorKinds.TIMEOUT);
                oldest.abandon();
            }
        }
    }

    private void completeIfAllSettled() {
        if (nextIndex == schedule.requestCount() && settledCount == nextIndex && !completion.future().isComplete()) {
            vertx.cancelTimer(tickTimerId);
            completion.complete(recorder);
        }
    }
}
