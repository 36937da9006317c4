package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.warden.config.PoliciesConfig;
import dev.warden.spi.InvalidSettingsException;

/** Policies are checked when Warden starts, so a mistyped threshold never decides a request. */
class PolicyCatalogTest {

    private static PolicyCatalog catalog(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("warden.policies.strict.providers", "local-rules"));
        values.putAll(extra);
        PoliciesConfig config = new SmallRyeConfigBuilder().withMapping(PoliciesConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).withDefaultValues(values).build().getConfigMapping(PoliciesConfig.class);
        return new PolicyCatalog(config);
    }

    @Test
    void acceptsPerCategoryOverrides() {
        PolicyCatalog catalog = catalog(Map.of("warden.policies.strict.thresholds.hate.block", "0.6"));

        assertThat(catalog.names()).containsExactly("strict");
        assertThat(catalog.find("strict").orElseThrow().thresholds().get("hate").block()).hasValue(0.6);
    }

    @Test
    void refusesACategoryOutsideTheTaxonomy() {
        assertThatThrownBy(() -> catalog(Map.of("warden.policies.strict.thresholds.hat.block", "0.6")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("warden.policies.strict.thresholds.hat");
    }

    @Test
    void refusesAReviewThresholdAboveTheBlockThreshold() {
        assertThatThrownBy(() -> catalog(Map.of("warden.policies.strict.thresholds.hate.review", "0.9")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("review 0.9 and block 0.85");
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> catalog(Map.of("warden.policies.strict.block-threshold", "1.5")))
                .isInstanceOf(InvalidSettingsException.class);
    }

    @Test
    void refusesHedgingOutsideFirstSuccess() {
        assertThatThrownBy(() -> catalog(Map.of("warden.policies.strict.hedge.enabled", "true")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("first-success");
    }

    @Test
    void refusesAnInvertedUncertainBand() {
        assertThatThrownBy(() -> catalog(Map.of("warden.policies.strict.strategy", "cascade",
                "warden.policies.strict.uncertain-band.low", "0.9", "warden.policies.strict.uncertain-band.high",
                "0.3"))).isInstanceOf(InvalidSettingsException.class).hasMessageContaining("uncertain-band");
    }

    @Test
    void refusesAnUnreadableHedgeDelay() {
        assertThatThrownBy(() -> catalog(Map.of("warden.policies.strict.strategy", "first-success",
                "warden.policies.strict.hedge.delay", "soon"))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("hedge.delay");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0ms", "0s", "PT0S" })
    void refusesAZeroHedgeDelay(String delay) {
        assertThatThrownBy(() -> catalog(Map.of("warden.policies.strict.strategy", "first-success",
                "warden.policies.strict.hedge.enabled", "true", "warden.policies.strict.hedge.delay", delay)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.policies.strict.hedge.delay must be greater than zero (to ask every provider at"
                        + " once, use strategy all), got '" + delay + "'");
    }

    @Test
    void readsStrategyNamesAsWritten() {
        assertThat(catalog(Map.of("warden.policies.strict.strategy", "first-success")).find("strict").orElseThrow()
                .strategy()).isEqualTo(PoliciesConfig.Strategy.FIRST_SUCCESS);
    }
}
