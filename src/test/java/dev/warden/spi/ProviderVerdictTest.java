package dev.warden.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A verdict has scores, or is pending with the vendor's job id, never both. */
class ProviderVerdictTest {

    @Test
    void aPendingVerdictNamesTheVendorsJobAndHasNoScores() {
        ProviderVerdict pending = ProviderVerdict.pending("task-1");

        assertThat(pending.isPending()).isTrue();
        assertThat(pending.pending()).contains(new ProviderVerdict.Pending("task-1"));
        assertThat(pending.scores()).isEmpty();
        assertThat(new ProviderVerdict(Map.of(Category.HATE, 0.2), Map.of(), "m").isPending()).isFalse();
    }

    @Test
    void aPendingVerdictWithScoresOrWithoutAJobIsRefused() {
        assertThatThrownBy(() -> new ProviderVerdict(Map.of(Category.HATE, 0.2), Map.of(), "m",
                Optional.of(new ProviderVerdict.Pending("task-1")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderVerdict.pending(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aSyncCallHasNoCallbackUrl() {
        assertThat(new CallContext("request", Instant.now()).callbackUrl()).isEmpty();
    }
}
