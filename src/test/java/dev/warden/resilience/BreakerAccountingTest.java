package dev.warden.resilience;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.ProviderError;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

/**
 * Only the vendor's own failures count against its circuit breaker: Warden's rate limit, a full bulkhead and an
 * attempt cut short by the caller's deadline say nothing about the vendor's health.
 */
@QuarkusTest
class BreakerAccountingTest {

    @BeforeEach
    void closeCircuits() {
        for (String provider : List.of("limited-breaker", "full-breaker", "starved-breaker", "slow-breaker")) {
            given().auth().oauth2(TestClients.ADMIN_KEY).contentType("application/json").body("{\"state\":\"closed\"}")
                    .post("/v1/providers/" + provider + "/circuit").then().statusCode(200);
        }
        ScriptedAdapterType.reset();
    }

    @Test
    void aBurstOverTheLocalRateLimitLeavesTheCircuitClosed() throws Exception {
        List<ProviderOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            outcomes.add(outcome("hello there", "limited-breaker"));
        }

        assertThat(outcomes.stream().filter(outcome -> outcome.getOutcome() == ProviderOutcome.OutcomeEnum.RATE_LIMITED))
                .as("2 calls a second are allowed").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(outcome -> assertThat(outcome.getError().getKind())
                        .isEqualTo(ProviderError.KindEnum.RATE_LIMITED));
        assertThat(GuardView.circuit("limited-breaker")).isEqualTo("closed");
    }

    @Test
    void aBurstOverTheBulkheadLeavesTheCircuitClosed() {
        List<ProviderOutcome> outcomes = ConcurrentCalls.moderate(8, "full-breaker", "script:slow-1000").stream()
                .map(result -> WardenApi.outcome(result, "full-breaker")).toList();

        assertThat(outcomes.stream().filter(outcome -> outcome.getError() != null
                && outcome.getError().getKind() == ProviderError.KindEnum.BULKHEAD_FULL))
                .as("one running and one queued; the other six refused").hasSizeGreaterThanOrEqualTo(4);
        assertThat(outcomes.stream().filter(outcome -> outcome.getOutcome() == ProviderOutcome.OutcomeEnum.OK))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(GuardView.circuit("full-breaker")).isEqualTo("closed");
    }

    @Test
    void attemptsStarvedByTheCallersDeadlineLeaveTheCircuitClosed() throws Exception {
        for (int i = 0; i < 3; i++) {
            ProviderOutcome outcome = outcome("script:slow-3000", "starved-breaker");
            assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.TIMEOUT);
        }

        assertThat(GuardView.circuit("starved-breaker")).as("300 ms deadline, 5 s provider timeout: not the vendor's"
                + " fault").isEqualTo("closed");
        assertThat(ScriptedAdapterType.counters("starved-breaker").cancelledCalls())
                .as("each call was aborted at the deadline").isEqualTo(3);
    }

    @Test
    void timeoutsOfTheProvidersOwnLimitStillOpenTheCircuit() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(outcome("script:slow-3000", "slow-breaker").getOutcome())
                    .isEqualTo(ProviderOutcome.OutcomeEnum.TIMEOUT);
        }

        assertThat(GuardView.circuit("slow-breaker")).isEqualTo("open");
        assertThat(outcome("script:slow-3000", "slow-breaker").getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.CIRCUIT_OPEN);
    }

    private static ProviderOutcome outcome(String text, String policy) throws Exception {
        return WardenApi.outcome(WardenApi.moderations().createModeration(WardenApi.text(text, policy), null),
                policy);
    }
}
