package dev.warden.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The per-client rate on a clock the test moves by hand. */
class RequestRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void admitsOneSecondsWorthAtOnceThenOnePerInterval() {
        RequestRate rate = new RequestRate(4, now::get);

        for (int i = 0; i < 4; i++) {
            assertThat(rate.admit()).as("request %d of the burst", i).isEmpty();
        }
        assertThat(rate.admit()).contains(Duration.ofMillis(250));

        advance(Duration.ofMillis(249));
        assertThat(rate.admit()).contains(Duration.ofMillis(1));
        advance(Duration.ofMillis(1));
        assertThat(rate.admit()).isEmpty();
        assertThat(rate.admit()).contains(Duration.ofMillis(250));
    }

    @Test
    void aFractionalRateAdmitsOneRequestPerLongerInterval() {
        RequestRate rate = new RequestRate(0.5, now::get);

        assertThat(rate.admit()).isEmpty();
        assertThat(rate.admit()).contains(Duration.ofSeconds(2));
        advance(Duration.ofSeconds(2));
        assertThat(rate.admit()).isEmpty();
    }

    @Test
    void refusedRequestsDoNotUseUpTheRate() {
        RequestRate rate = new RequestRate(1, now::get);
        assertThat(rate.admit()).isEmpty();
        for (int i = 0; i < 100; i++) {
            assertThat(rate.admit()).isPresent();
        }

        advance(Duration.ofSeconds(1));

        assertThat(rate.admit()).isEmpty();
    }

    @Test
    void anIdleClientGetsItsBurstBackButNoMore() {
        RequestRate rate = new RequestRate(3, now::get);
        advance(Duration.ofHours(1));

        int admitted = 0;
        while (rate.admit().isEmpty()) {
            admitted++;
        }

        assertThat(admitted).isEqualTo(3);
    }

    @Test
    void concurrentCallersShareOneBudget() throws Exception {
        RequestRate rate = new RequestRate(100, now::get);
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] callers = new Future<?>[8];
            for (int c = 0; c < callers.length; c++) {
                callers[c] = pool.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        if (rate.admit().isEmpty()) {
                            admitted.incrementAndGet();
                        }
                    }
                });
            }
            for (Future<?> caller : callers) {
                caller.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(admitted).hasValue(100);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
