package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HedgeDelaysTest {

    @Test
    void aFixedDelayIsTakenAsWritten() {
        assertThat(HedgeDelays.resolve("250ms", 12.0)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void p95FollowsTheProvidersObservedLatency() {
        assertThat(HedgeDelays.resolve("p95", 42.5)).isEqualTo(Duration.ofNanos(42_500_000));
    }

    @Test
    void p95WithoutHistoryFallsBackToTheDefault() {
        assertThat(HedgeDelays.resolve("P95", Double.NaN)).isEqualTo(HedgeDelays.WITHOUT_HISTORY);
    }

    @Test
    void onlyDurationsAndP95AreValid() {
        assertThat(HedgeDelays.isValid("p95")).isTrue();
        assertThat(HedgeDelays.isValid("PT0.2S")).isTrue();
        assertThat(HedgeDelays.isValid("soon")).isFalse();
        assertThat(HedgeDelays.isValid("-5ms")).isFalse();
    }
}
