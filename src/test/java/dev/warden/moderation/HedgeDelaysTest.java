package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HedgeDelaysTest {

    @Test
    void aFixedDelayIsTakenAsWritten() {
        assertThat(HedgeDelays.resolve("250ms", () -> 12.0)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void p95FollowsTheProvidersObservedLatency() {
        assertThat(HedgeDelays.resolve("p95", () -> 42.5)).isEqualTo(Duration.ofNanos(42_500_000));
    }

    @Test
    void p95WithoutHistoryFallsBackToTheDefault() {
        assertThat(HedgeDelays.resolve("P95", () -> Double.NaN)).isEqualTo(HedgeDelays.WITHOUT_HISTORY);
    }

    @Test
    void onlyPositiveDurationsAndP95AreValid() {
        assertThat(HedgeDelays.problem("p95")).isEmpty();
        assertThat(HedgeDelays.problem("PT0.2S")).isEmpty();
        assertThat(HedgeDelays.problem("1ms")).isEmpty();
        assertThat(HedgeDelays.problem("soon")).contains("must be a duration like 150ms or 'p95'");
        assertThat(HedgeDelays.problem("-5ms")).contains("must be a duration like 150ms or 'p95'");
        assertThat(HedgeDelays.problem("0ms")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("must be greater than zero"));
    }
}
