package dev.warden.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.warden.spi.RetryAfter;

class RetryCurveTest {

    private static final Duration INITIAL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(10);

    private final RetryCurve curve = new RetryCurve(INITIAL, MAX, new SplittableRandom(42));

    @Test
    void theCeilingDoublesFromTheInitialBackoffUpToTheMaximum() {
        assertThat(curve.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(curve.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(curve.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(curve.ceiling(10)).isEqualTo(Duration.ofSeconds(512));
        assertThat(curve.ceiling(11)).isEqualTo(MAX);
    }

    @Test
    void hugeAttemptNumbersStayAtTheMaximumWithoutOverflowing() {
        assertThat(curve.ceiling(63)).isEqualTo(MAX);
        assertThat(curve.ceiling(64)).isEqualTo(MAX);
        assertThat(curve.ceiling(Integer.MAX_VALUE)).isEqualTo(MAX);
        assertThat(curve.delay(Integer.MAX_VALUE, Optional.empty())).isBetween(Duration.ZERO, MAX);
    }

    @Test
    void delaysAreSpreadOverTheWholeRangeUpToTheCeiling() {
        long[] millis = IntStream.range(0, 2000).mapToLong(i -> curve.delay(3, Optional.empty()).toMillis())
                .toArray();

        assertThat(Arrays.stream(millis).min().orElseThrow()).isNotNegative();
        assertThat(Arrays.stream(millis).max().orElseThrow()).isLessThanOrEqualTo(4000);
        // Full jitter: uniform over [0, ceiling], so both ends of the range are reached and the mean is about half.
        assertThat(IntStream.range(0, millis.length).filter(i -> millis[i] < 400).count()).isGreaterThan(100);
        assertThat(IntStream.range(0, millis.length).filter(i -> millis[i] > 3600).count()).isGreaterThan(100);
        assertThat(Arrays.stream(millis).average().orElseThrow()).isBetween(1800.0, 2200.0);
    }

    @Test
    void aRetryAfterIsTheFloor() {
        Duration asked = Duration.ofSeconds(30);

        assertThat(IntStream.range(0, 200).mapToObj(i -> curve.delay(1, Optional.of(asked))))
                .allSatisfy(delay -> assertThat(delay).isEqualTo(asked));
    }

    @Test
    void aRetryAfterShorterThanTheJitteredDelayChangesNothing() {
        Duration asked = Duration.ofMillis(1);

        assertThat(IntStream.range(0, 200).mapToObj(i -> curve.delay(10, Optional.of(asked))))
                .allSatisfy(delay -> assertThat(delay).isBetween(asked, Duration.ofSeconds(512)))
                .anySatisfy(delay -> assertThat(delay).isGreaterThan(Duration.ofSeconds(10)));
    }

    @Test
    void anAbsurdRetryAfterIsClampedAndANegativeOneIgnored() {
        assertThat(curve.delay(1, Optional.of(Duration.ofDays(365)))).isEqualTo(RetryAfter.MAX_WAIT);
        assertThat(curve.delay(1, Optional.of(Duration.ofSeconds(-5)))).isBetween(Duration.ZERO, INITIAL);
    }
}
