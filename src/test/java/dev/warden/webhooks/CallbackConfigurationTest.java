package dev.warden.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.resilience.CircuitState;
import dev.warden.spi.InvalidSettingsException;

/** Callback secrets and {@code warden.callbacks.*} are checked at start-up: a mistake fails it, in clear words. */
class CallbackConfigurationTest {

    private static final String SECRET = "warden.clients.shop.callback-secret";
    private static final String VALID_SECRET = StandardWebhooksTest.VECTOR_SECRET;

    private static Map<String, String> shop(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "warden.clients.shop.api-key-sha256", "0".repeat(64),
                "warden.clients.shop.scopes", "moderate"));
        properties.putAll(extra);
        return properties;
    }

    @Test
    void readsEverySecretOfARotation() {
        CallbackSecrets secrets = new CallbackSecrets(Configs.clients(shop(Map.of(SECRET,
                VALID_SECRET + ",whsec_Y2FsbGJhY2stdGVzdGVyLXNlY3JldC1vbmUtMDEyMzQ1Njc4OQ=="))));

        assertThat(secrets.of("shop")).hasSize(2);
        assertThat(secrets.of("nobody")).isEmpty();
    }

    @Test
    void aMalformedSecretFailsStartUpNamingItsPositionNotItsValue() {
        String leaked = "whsec_c2hvcnQtc2VjcmV0";

        assertThatThrownBy(() -> new CallbackSecrets(Configs.clients(shop(Map.of(SECRET,
                VALID_SECRET + "," + leaked)))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith(SECRET + " (entry 2 of 2) decodes to 12 bytes; a key must have 24 to 64")
                .hasMessageNotContaining("c2hvcnQtc2VjcmV0");
    }

    @Test
    void callbackHostsWithoutASecretFailStartUp() {
        assertThatThrownBy(() -> new CallbackSecrets(Configs.clients(shop(Map.of(
                "warden.clients.shop.callback-hosts", "hooks.example.com")))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.clients.shop has callback-hosts but no callback-secret: callbacks are never"
                        + " sent unsigned");
    }

    @Test
    void defaultsGiveEveryReceiverItsOwnGuard() {
        CallbackReceivers receivers = new CallbackReceivers(Configs.callbacks(Map.of()), Configs.clients(shop(Map.of(
                SECRET, VALID_SECRET, "warden.clients.shop.callback-hosts", "hooks.example.com",
                "warden.clients.other.api-key-sha256", "1".repeat(64), "warden.clients.other.scopes", "moderate"))));

        assertThat(receivers.partners()).extracting(CallbackReceiver::id).containsExactly("callback:shop");
        CallbackSettings settings = receivers.settings();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.maxResponseBytes()).isEqualTo(64 * 1024);
        CallbackReceiver shop = receivers.of("shop").orElseThrow();
        assertThat(shop.guard().status().maxConcurrent()).isEqualTo(16);
        assertThat(shop.guard().status().circuit()).isEqualTo(CircuitState.CLOSED);
        assertThat(shop.guard().timeout()).contains(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "timeout, 0s, must be greater than zero",
            "connect-timeout, 0s, must be greater than zero",
            "bulkhead.max-concurrent, 0, must be at least 1",
            "bulkhead.queue, -1, must be at least 0",
            "rate-limit.per-second, -1, must be at least 0",
            "circuit-breaker.failure-ratio, 1.5, must be between 0 and 1",
            "circuit-breaker.request-volume, 0, must be at least 1",
            "circuit-breaker.delay, 0s, must be greater than zero",
            "circuit-breaker.success-threshold, 0, must be at least 1" })
    void aSettingOutOfRangeFailsStartUp(String key, String value, String problem) {
        assertThatThrownBy(() -> new CallbackReceivers(Configs.callbacks(Map.of("warden.callbacks." + key, value)),
                Configs.clients(shop(Map.of()))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.callbacks." + key + " " + problem);
    }
}
