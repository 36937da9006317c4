package dev.warden.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;

/** A provider's guard settings are checked when Warden starts, so a timeout that fails every call never runs. */
class GuardSettingsTest {

    private static GuardSettings read(Map<String, String> values) {
        return GuardSettings.read(new ProviderSettings("vendor", values));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0s", "0ms", "PT0S" })
    void aZeroTimeoutStopsTheStart(String timeout) {
        assertThatThrownBy(() -> read(Map.of("timeout", timeout))).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.providers.vendor.timeout must be greater than zero, got '" + timeout
                        + "'; leave it unset to bound attempts by the policy deadline only");
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1s", "-PT1S" })
    void aNegativeTimeoutStopsTheStart(String timeout) {
        assertThatThrownBy(() -> read(Map.of("timeout", timeout))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.providers.vendor.timeout ").hasMessageContaining("'" + timeout + "'");
    }

    @Test
    void aBulkheadMayHaveNoQueueButNotANegativeOne() {
        assertThat(read(Map.of("bulkhead.queue", "0")).bulkhead().queue()).isZero();
        assertThatThrownBy(() -> read(Map.of("bulkhead.queue", "-1"))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("bulkhead.queue");
    }

    @Test
    void theShortestTimeoutIsTaken() {
        assertThat(read(Map.of("timeout", "1ms")).timeout()).contains(Duration.ofMillis(1));
    }

    @Test
    void noTimeoutMeansTheDeadlineAlone() {
        assertThat(read(Map.of()).timeout()).isEmpty();
    }
}
