package dev.warden.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** An adapter may build any wait by hand; the core only ever sees one it can wait and do arithmetic with. */
class ProviderExceptionTest {

    @Test
    void aWaitBeyondAnyDeadlineIsBoundedToTheMaximum() {
        Duration asked = ProviderException.rateLimited("slow down", Duration.ofSeconds(Long.MAX_VALUE)).retryAfter()
                .orElseThrow();

        assertThat(asked).isEqualTo(RetryAfter.MAX_WAIT);
        assertThat(asked.toMillis()).isEqualTo(86_400_000L);
    }

    @Test
    void aNegativeWaitIsNoWait() {
        assertThat(ProviderException.rateLimited("slow down", Duration.ofSeconds(-5)).retryAfter())
                .contains(Duration.ZERO);
    }

    @Test
    void noWaitStaysNoWait() {
        assertThat(new ProviderException(ProviderException.Kind.UNAVAILABLE, "down").retryAfter()).isEmpty();
    }
}
