package dev.warden.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;

class BulkheadTest {

    private final Bulkhead bulkhead = new Bulkhead(1, 2);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger cancelledAtTheVendor = new AtomicInteger();
    private final List<UniEmitter<? super String>> running = new ArrayList<>();

    /** A call that starts when the bulkhead lets it and ends when the test says. */
    private Uni<String> call() {
        return bulkhead.run(() -> Uni.createFrom().<String>emitter(emitter -> {
            started.incrementAndGet();
            running.add(emitter);
        }).onCancellation().invoke(cancelledAtTheVendor::incrementAndGet));
    }

    @Test
    void aCancelledQueuedCallIsNeverStarted() {
        AtomicReference<String> first = new AtomicReference<>();
        call().subscribe().with(first::set);
        Cancellable queued = call().subscribe().with(item -> {
        });

        queued.cancel();
        running.get(0).complete("done");

        assertThat(first).hasValue("done");
        assertThat(started).as("the queued call was cancelled before a slot freed").hasValue(1);
        assertThat(bulkhead.inFlight()).isZero();
    }

    @Test
    void cancellingARunningCallFreesItsSlotAtOnceForTheNextOne() {
        Cancellable first = call().subscribe().with(item -> {
        });
        call().subscribe().with(item -> {
        });
        assertThat(started).hasValue(1);

        first.cancel();

        assertThat(cancelledAtTheVendor).as("the running call itself was cancelled").hasValue(1);
        assertThat(started).as("its slot went to the waiting call").hasValue(2);
        assertThat(bulkhead.inFlight()).isEqualTo(1);
    }

    @Test
    void beyondTheQueueCallsAreRefused() {
        for (int i = 0; i < 3; i++) {
            call().subscribe().with(item -> {
            });
        }
        AtomicReference<Throwable> refused = new AtomicReference<>();

        call().subscribe().with(item -> {
        }, refused::set);

        assertThat(refused.get()).isInstanceOfSatisfying(GuardRejection.class,
                rejection -> assertThat(rejection.reason()).isEqualTo(GuardRejection.Reason.BULKHEAD_FULL));
        assertThat(started).hasValue(1);
    }

    @Test
    void withoutAQueueACallBeyondTheLimitIsRefusedAtOnce() {
        Bulkhead noQueue = new Bulkhead(1, 0);
        noQueue.run(() -> Uni.createFrom().<String>nothing()).subscribe().with(item -> {
        });
        AtomicReference<Throwable> refused = new AtomicReference<>();

        noQueue.run(() -> Uni.createFrom().item("never")).subscribe().with(item -> {
        }, refused::set);

        assertThat(refused.get()).isInstanceOf(GuardRejection.class);
        assertThat(noQueue.inFlight()).isEqualTo(1);
    }

    @Test
    void aCallThatThrowsOrGivesNothingFreesItsSlot() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Throwable> nothing = new AtomicReference<>();

        bulkhead.<String>run(() -> {
            throw new IllegalStateException("bug");
        }).subscribe().with(item -> {
        }, thrown::set);
        bulkhead.<String>run(() -> null).subscribe().with(item -> {
        }, nothing::set);

        assertThat(thrown.get()).hasMessage("bug");
        assertThat(nothing.get()).isInstanceOf(NullPointerException.class);
        assertThat(bulkhead.inFlight()).isZero();
    }

    @Test
    void aFailedCallFreesItsSlot() {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        call().subscribe().with(item -> {
        }, failed::set);

        running.get(0).fail(new IllegalStateException("vendor down"));

        assertThat(failed.get()).hasMessage("vendor down");
        assertThat(bulkhead.inFlight()).isZero();
    }

    @Test
    void aCallThatFailsAsItsCallerGivesUpFreesItsSlotOnlyOnce() {
        AtomicReference<UniEmitter<? super String>> firstCall = new AtomicReference<>();
        AtomicReference<Cancellable> firstCaller = new AtomicReference<>();
        firstCaller.set(bulkhead.run(() -> Uni.createFrom().<String>emitter(firstCall::set)).subscribe()
                .with(item -> {
                }, failure -> {
                }));
        // Started with the slot the first call frees, while its failure is still on its way: the first caller gives
        // up at that very moment, so the first call both fails and is cancelled (Mutiny reports both).
        bulkhead.run(() -> {
            firstCaller.get().cancel();
            return Uni.createFrom().<String>nothing();
        }).subscribe().with(item -> {
        });

        firstCall.get().fail(new IllegalStateException("vendor down"));

        assertThat(bulkhead.inFlight()).as("the second call holds the one slot").isEqualTo(1);
        AtomicReference<Throwable> third = new AtomicReference<>();
        bulkhead.run(() -> Uni.createFrom().<String>nothing()).subscribe().with(item -> {
        }, third::set);
        assertThat(third.get()).as("the third call waits in the queue: no second slot appeared").isNull();
        assertThat(bulkhead.inFlight()).isEqualTo(1);
    }
}
