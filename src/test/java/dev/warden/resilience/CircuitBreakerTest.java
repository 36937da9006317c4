package dev.warden.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(
            new GuardSettings.Breaker(true, 0.5, 4, Duration.ofSeconds(1), 1), now::get);

    @Test
    void opensWhenHalfOfAFullWindowFailed() {
        record(false);
        record(true);
        record(false);
        assertThat(breaker.state()).as("the window is not full yet").isEqualTo(CircuitState.CLOSED);

        record(true);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.tryAcquire()).isNull();
    }

    @Test
    void abandonedCallsNeitherOpenTheCircuitNorDiluteFailures() {
        for (int i = 0; i < 100; i++) {
            breaker.abandon(breaker.tryAcquire());
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

        record(true);
        record(true);
        record(false);
        record(false);

        assertThat(breaker.state()).as("2 of the 4 verdicts failed; the 100 abandoned calls did not count")
                .isEqualTo(CircuitState.OPEN);
    }

    @Test
    void aSlidingWindowForgetsOldFailures() {
        record(true);
        for (int i = 0; i < 8; i++) {
            record(false);
        }
        record(true);

        assertThat(breaker.state()).as("1 failure in the last 4").isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void afterTheDelayOneProbeDecides() {
        openIt();
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(breaker.tryAcquire()).isNull();
        now.addAndGet(Duration.ofMillis(1).toNanos());

        CircuitBreaker.Permit probe = breaker.tryAcquire();

        assertThat(probe).isNotNull();
        assertThat(probe.probe()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("one probe at a time").isNull();
        breaker.record(probe, false);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aFailedProbeOpensAgainAndAnAbandonedOneFreesItsPlace() {
        openIt();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        breaker.abandon(breaker.tryAcquire());

        CircuitBreaker.Permit probe = breaker.tryAcquire();
        assertThat(probe).as("the abandoned probe gave its place back").isNotNull();
        breaker.record(probe, true);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void verdictsOfCallsAdmittedBeforeAStateChangeAreIgnored() {
        CircuitBreaker.Permit old = breaker.tryAcquire();
        openIt();
        breaker.reset();

        for (int i = 0; i < 3; i++) {
            record(false);
        }
        breaker.record(old, true);
        record(true);

        assertThat(breaker.state()).as("1 failure of 4 current verdicts").isEqualTo(CircuitState.CLOSED);
    }

    private void openIt() {
        for (int i = 0; i < 4; i++) {
            record(true);
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    private void record(boolean failed) {
        breaker.record(breaker.tryAcquire(), failed);
    }
}
