package dev.warden.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.WardenApi;

/**
 * Once the caller has its answer, no call made for it may still reach a vendor: calls waiting in the bulkhead queue
 * are dropped, calls in flight are aborted, and their slots are free at once.
 */
@QuarkusTest
class CancellationTest {

    @BeforeEach
    void resetCounters() {
        ScriptedAdapterType.reset();
    }

    @Test
    void callsQueuedInTheBulkheadAtTheDeadlineNeverReachTheVendor() {
        List<ModerationResult> results = ConcurrentCalls.moderate(5, "one-slot", "script:slow-1500");

        assertThat(results).allSatisfy(result -> assertThat(WardenApi.outcome(result, "one-slot").getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.TIMEOUT));
        ScriptedAdapterType.Counters vendor = ScriptedAdapterType.counters("one-slot");
        int startedBeforeTheAnswers = vendor.startedCalls();
        assertThat(GuardView.inFlight("one-slot")).as("slots were freed before the answers").isZero();
        assertThat(vendor.cancelledCalls()).as("every call that started was aborted at its caller's deadline")
                .isEqualTo(startedBeforeTheAnswers);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> vendor.startedCalls() == startedBeforeTheAnswers);
    }

    @Test
    void aLostHedgeIsAbortedAtTheVendor() throws Exception {
        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("script:slow-2000 hello", "hedge-cancel"), null);

        assertThat(WardenApi.outcome(result, "local-rules").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(WardenApi.outcome(result, "hedge-slow").getReason()).startsWith("hedge lost");
        assertThat(ScriptedAdapterType.counters("hedge-slow").cancelledCalls()).isEqualTo(1);
        assertThat(GuardView.inFlight("hedge-slow")).as("its slot was freed before the answer").isZero();
    }
}
