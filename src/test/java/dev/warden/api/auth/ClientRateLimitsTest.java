package dev.warden.api.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.warden.config.ClientsConfig;
import dev.warden.spi.InvalidSettingsException;

/** A rate limit that cannot mean anything fails start-up, naming the key. */
class ClientRateLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "Infinity", "NaN" })
    void refusesARateThatIsNotAPositiveNumber(String perSecond) {
        ClientsConfig config = new SmallRyeConfigBuilder().withMapping(ClientsConfig.class)
                .withDefaultValues(Map.of("warden.clients.chat.api-key-sha256", "0".repeat(64),
                        "warden.clients.chat.scopes", "moderate", "warden.clients.chat.rate-limit.per-second",
                        perSecond))
                .build().getConfigMapping(ClientsConfig.class);

        assertThatThrownBy(() -> new ClientRateLimits(config, new SimpleMeterRegistry()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.clients.chat.rate-limit.per-second must be a positive number");
    }
}
