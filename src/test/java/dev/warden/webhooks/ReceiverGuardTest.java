package dev.warden.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.mutiny.Uni;

import dev.warden.resilience.CircuitState;
import dev.warden.resilience.ProviderGuard;

/**
 * A receiver's breaker judges its answers like a vendor's: one that fails (5xx, 429, a redirect) opens the circuit;
 * one that refuses while up (410, other 4xx) does not.
 */
class ReceiverGuardTest {

    private static final int VOLUME = 4;

    private static ProviderGuard guard() {
        return new ProviderGuard(CallbackSettings.from(Configs.callbacks(Map.of(
                "warden.callbacks.circuit-breaker.request-volume", String.valueOf(VOLUME),
                "warden.callbacks.circuit-breaker.failure-ratio", "0.5"))).guard());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "503, OPEN", "500, OPEN", "429, OPEN", "302, OPEN", "410, CLOSED", "400, CLOSED", "401, CLOSED" })
    void answersCountAgainstTheReceiverOnlyWhenItIsFailing(int status, CircuitState after) {
        ProviderGuard guard = guard();

        for (int i = 0; i < VOLUME; i++) {
            guard.attempt(() -> Uni.createFrom().failure(ReceiverRefusal.of(new ReceiverAnswer(status,
                    Optional.empty())))).onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(5));
        }

        assertThat(guard.status().circuit()).isEqualTo(after);
    }
}
