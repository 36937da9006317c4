package dev.warden.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;

import dev.warden.config.LimitsConfig;

/** Adapters built without configuration (tests, tools) get the same limits as the running core by default. */
class ContentLimitsTest {

    @Test
    void theDefaultsAreTheCoresLimits() throws Exception {
        assertThat(ContentLimits.DEFAULTS.maxParts()).isEqualTo(coreDefault("maxParts"));
        assertThat(ContentLimits.DEFAULTS.maxTextLength()).isEqualTo(coreDefault("maxTextLength"));
    }

    private static int coreDefault(String limit) throws NoSuchMethodException {
        return Integer.parseInt(LimitsConfig.class.getMethod(limit).getAnnotation(WithDefault.class).value());
    }
}
