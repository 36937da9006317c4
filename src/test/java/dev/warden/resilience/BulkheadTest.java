package dev.warden.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    void aCallThatTimesOutAsItsCallerGivesUpFreesItsSlotOnce() {
        Bulkhead wide = new Bulkhead(64, 64);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // The inner and the outer timeout fire together on two timer threads, as an attempt bounded by the
            // caller's deadline does: the call fails and is cancelled at the same moment.
            calls.add(wide.run(() -> Uni.createFrom().<String>nothing().ifNoItem().after(Duration.ofMillis(20)).fail())
                    .ifNoItem().after(Duration.ofMillis(20)).recoverWithItem("timeout")
                    .onFailure().recoverWithItem("failed").subscribeAsCompletionStage());
        }

        calls.forEach(CompletableFuture::join);

        await().atMost(Duration.ofSeconds(10)).until(() -> wide.inFlight() == 0);
        assertThat(wide.inFlight()).isZero();
    }
}
