package dev.warden.resilience;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * At most {@code maxConcurrent} calls at once, up to {@code queue} more waiting in arrival order, the rest refused.
 * Cancellation reaches every stage: a waiting call that is cancelled leaves the queue and is never started (no
 * "zombie" call after its caller got an answer), and a running one is cancelled and frees its slot at once.
 */
final class Bulkhead {

    private final int maxConcurrent;
    private final int queueSize;
    private final Deque<Ticket<?>> waiting = new ArrayDeque<>();
    private int running;

    Bulkhead(int maxConcurrent, int queueSize) {
        this.maxConcurrent = maxConcurrent;
        this.queueSize = queueSize;
    }

    /** Runs the call when a slot is free; fails with {@link GuardRejection} ({@code BULKHEAD_FULL}) if none will be. */
    <T> Uni<T> run(Supplier<Uni<T>> call) {
        return Uni.createFrom().emitter(emitter -> {
            Ticket<T> ticket = new Ticket<>(call, emitter);
            emitter.onTermination(ticket::cancel);
            Admission admission = admit(ticket);
            if (admission == Admission.RUN) {
                ticket.start();
            } else if (admission == Admission.REFUSED) {
                emitter.fail(new GuardRejection(GuardRejection.Reason.BULKHEAD_FULL,
                        "bulkhead full: too many calls in flight and queued"));
            }
        });
    }

    synchronized int inFlight() {
        return running;
    }

    private enum Admission {
        RUN, QUEUED, REFUSED
    }

    private synchronized Admission admit(Ticket<?> ticket) {
        if (running < maxConcurrent) {
            running++;
            return Admission.RUN;
        }
        if (waiting.size() < queueSize) {
            waiting.addLast(ticket);
            return Admission.QUEUED;
        }
        return Admission.REFUSED;
    }

    /** Frees a slot, handing it straight to the longest-waiting call if there is one. */
    private void release() {
        Ticket<?> nextTicket;
        synchronized (this) {
            nextTicket = waiting.pollFirst();
            if (nextTicket == null) {
                running--;
                return;
            }
        }
        nextTicket.start();
    }

    private synchronized boolean dequeue(Ticket<?> ticket) {
        return waiting.remove(ticket);
    }

    /** One call's passage: waiting, then running (holding a slot until it ends), or cancelled at any point. */
    private final class Ticket<T> {

        private final Supplier<Uni<T>> call;
        private final UniEmitter<? super T> emitter;
        private boolean started;
        private boolean cancelled;
        private boolean slotReleased;
        private Cancellable subscription;

        Ticket(Supplier<Uni<T>> call, UniEmitter<? super T> emitter) {
            this.call = call;
            this.emitter = emitter;
        }

        /** Called holding a slot; the slot is released when the call ends, fails or is cancelled. */
        void start() {
            boolean cancelledWhileQueued;
            synchronized (this) {
                cancelledWhileQueued = cancelled;
                started = true;
            }
            if (cancelledWhileQueued) {
                releaseSlot();
                return;
            }
            Uni<T> uni;
            try {
                uni = Objects.requireNonNull(call.get(), "the call gave no Uni");
            } catch (RuntimeException failure) {
                releaseSlot();
                emitter.fail(failure);
                return;
            }
            Cancellable running = uni.onTermination().invoke(this::releaseSlot).subscribe()
                    .with(emitter::complete, emitter::fail);
            boolean cancelNow;
            synchronized (this) {
                subscription = running;
                cancelNow = cancelled;
            }
            if (cancelNow) {
                running.cancel();
            }
        }

        /**
         * Once per ticket: a call's failure and its cancellation can race on two threads (a timeout inside the
         * call and the caller's deadline outside it), and Mutiny may report both.
         */
        private void releaseSlot() {
            synchronized (this) {
                if (slotReleased) {
                    return;
                }
                slotReleased = true;
            }
            release();
        }

        void cancel() {
            Cancellable toCancel;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                toCancel = subscription;
                if (!started) {
                    // Still queued: leave the queue and never start. If release() already took this ticket, its
                    // start() sees the flag and hands the slot back.
                    dequeue(this);
                    return;
                }
            }
            if (toCancel != null) {
                toCancel.cancel();
            }
        }
    }
}
