package dev.warden.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.warden.spi.ProviderException;

class BackoffTest {

    private static final GuardSettings.Retry RETRY = new GuardSettings.Retry(3, Duration.ofMillis(100),
            Duration.ofMillis(300), 0.2, 10);
    private static final Duration PLENTY = Duration.ofSeconds(10);

    private final Backoff backoff = new Backoff(RETRY);

    @Test
    void waitsAreFullyJitteredUnderAnExponentialCap() {
        LongSummaryStatistics first = sample(0);
        LongSummaryStatistics second = sample(1);
        LongSummaryStatistics third = sample(2);

        assertThat(first.getMin()).isGreaterThanOrEqualTo(0);
        assertThat(first.getMax()).isLessThanOrEqualTo(100).isGreaterThan(80);
        assertThat(second.getMax()).isLessThanOrEqualTo(200).isGreaterThan(160);
        assertThat(third.getMax()).as("capped at max-delay").isLessThanOrEqualTo(300).isGreaterThan(240);
        assertThat(first.getAverage()).isBetween(35.0, 65.0);
    }

    @Test
    void retriesOnlyWhatMayHeal() {
        for (ProviderException.Kind kind : ProviderException.Kind.values()) {
            Optional<Duration> delay = backoff.delayBeforeRetry(new ProviderException(kind, "x"), 0, PLENTY);
            assertThat(delay.isPresent()).as(kind.name()).isEqualTo(kind.retryable());
        }
        assertThat(backoff.delayBeforeRetry(new GuardRejection(GuardRejection.Reason.CIRCUIT_OPEN, "open"), 0,
                PLENTY)).isEmpty();
        assertThat(backoff.delayBeforeRetry(new IllegalStateException("bug"), 0, PLENTY)).isEmpty();
    }

    @Test
    void stopsAfterMaxRetries() {
        assertThat(backoff.delayBeforeRetry(unavailable(), 3, PLENTY)).isEmpty();
    }

    @Test
    void honoursRetryAfterWhenTheDeadlineAllows() {
        ProviderException throttled = ProviderException.rateLimited("slow down", Duration.ofSeconds(2));

        assertThat(backoff.delayBeforeRetry(throttled, 0, Duration.ofSeconds(5))).contains(Duration.ofSeconds(2));
        assertThat(backoff.delayBeforeRetry(throttled, 0, Duration.ofMillis(2_010))).as("no time for the attempt")
                .isEmpty();
    }

    private LongSummaryStatistics sample(int retriesDone) {
        return IntStream.range(0, 2_000)
                .mapToLong(i -> backoff.delayBeforeRetry(unavailable(), retriesDone, PLENTY).orElseThrow().toMillis())
                .summaryStatistics();
    }

    private static ProviderException unavailable() {
        return new ProviderException(ProviderException.Kind.UNAVAILABLE, "down");
    }
}
