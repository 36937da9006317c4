package dev.warden.adapters.localrules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;

import dev.warden.config.LimitsConfig;

/** local-rules must accept whatever the core accepts: its default limits are the core's. */
class TextLimitsTest {

    @Test
    void theDefaultsAreTheCoresLimits() throws Exception {
        assertThat(TextLimits.DEFAULT_MAX_PARTS).isEqualTo(coreDefault("maxParts"));
        assertThat(TextLimits.DEFAULT_MAX_TEXT_LENGTH).isEqualTo(coreDefault("maxTextLength"));
    }

    private static int coreDefault(String limit) throws NoSuchMethodException {
        return Integer.parseInt(LimitsConfig.class.getMethod(limit).getAnnotation(WithDefault.class).value());
    }
}
