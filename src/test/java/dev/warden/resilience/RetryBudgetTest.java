package dev.warden.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RetryBudget budget = new RetryBudget(0.2, 3, now::get);

    @Test
    void allowsTheFloorWithoutTraffic() {
        assertThat(budget.tryRetry()).isTrue();
        assertThat(budget.tryRetry()).isTrue();
        assertThat(budget.tryRetry()).isTrue();
        assertThat(budget.tryRetry()).isFalse();
    }

    @Test
    void growsWithRequests() {
        for (int i = 0; i < 100; i++) {
            budget.recordRequest();
        }
        int allowed = 0;
        while (budget.tryRetry()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(3 + 20);
    }

    @Test
    void forgetsTrafficOlderThanTheWindow() {
        for (int i = 0; i < 100; i++) {
            budget.recordRequest();
        }
        while (budget.tryRetry()) {
            now.addAndGet(10);
        }
        now.addAndGet(RetryBudget.BUCKETS * 1_000L);

        assertThat(budget.snapshot().requests()).isZero();
        assertThat(budget.snapshot().retries()).isZero();
        assertThat(budget.tryRetry()).as("the floor again").isTrue();
    }
}
