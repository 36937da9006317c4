package dev.warden.resilience;

import static dev.warden.testkit.ManagementPort.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderError;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

/**
 * Vendors failing in every way, played by the scripted adapter (statuses become failures as the support pack's
 * defaults say), asserting what the adapter saw: call counts, arrival times, calls in flight.
 */
@QuarkusTest
class ResilienceTest {

    static final String RETRYING = "retrying";
    static final String BREAKER = "breaker";
    static final String BUDGETED = "budgeted";

    @BeforeEach
    void resetVendor() {
        ScriptedAdapterType.reset();
    }

    @Test
    void twoOutagesThenAnAnswerIsOneOkAfterThreeAttempts() throws Exception {
        ScriptedAdapterType.plan(RETRYING, "status-503", "status-503", "ok");

        ProviderOutcome outcome = only(moderate("retrying"));

        assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(outcome.getAttempts()).isEqualTo(3);
        List<Instant> arrivals = arrivals(RETRYING);
        assertThat(arrivals).hasSize(3);
        // Full jitter: each wait is random in [0, min(max-delay, initial × 2^n)], so bounded but not fixed.
        assertThat(Duration.between(arrivals.get(0), arrivals.get(1))).isLessThan(Duration.ofMillis(40 + 150));
        assertThat(Duration.between(arrivals.get(1), arrivals.get(2))).isLessThan(Duration.ofMillis(80 + 150));
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        ScriptedAdapterType.plan(RETRYING, "rate-limited-1000", "ok");

        ProviderOutcome outcome = only(moderate("retrying"));

        assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(outcome.getAttempts()).isEqualTo(2);
        List<Instant> arrivals = arrivals(RETRYING);
        assertThat(Duration.between(arrivals.get(0), arrivals.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterBeyondTheDeadlineIsNotWaitedFor() throws Exception {
        ScriptedAdapterType.plan(RETRYING, "rate-limited-30000");
        Instant start = Instant.now();

        ProviderOutcome outcome = only(moderate("retrying-2s"));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(1_000));
        assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.RATE_LIMITED);
        assertThat(outcome.getError().getRetryAfterMs()).isEqualTo(30_000L);
        assertThat(outcome.getAttempts()).isEqualTo(1);
        assertThat(calls(RETRYING)).isEqualTo(1);
    }

    @Test
    void aFailingVendorTripsTheBreakerThenOneProbeClosesIt() throws Exception {
        setCircuit("breaker", "closed");
        ScriptedAdapterType.plan(BREAKER, "status-500");
        for (int i = 0; i < 4; i++) {
            assertThat(only(moderate("breaker")).getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        }

        ProviderOutcome refused = only(moderate("breaker"));

        assertThat(refused.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.CIRCUIT_OPEN);
        assertThat(refused.getError().getKind()).isEqualTo(ProviderError.KindEnum.CIRCUIT_OPEN);
        assertThat(refused.getAttempts()).isZero();
        assertThat(calls(BREAKER)).isEqualTo(4);
        management().get("/q/health/ready").then().statusCode(200);
        circuitIs("breaker", "open");

        ScriptedAdapterType.plan(BREAKER, "ok");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> only(moderate("breaker")).getOutcome() == ProviderOutcome.OutcomeEnum.OK);

        assertThat(calls(BREAKER)).as("a single probe after the delay").isEqualTo(1);
        circuitIs("breaker", "closed");
    }

    @Test
    void retriesStayWithinTheBudgetWhenAVendorIsDown() throws Exception {
        ScriptedAdapterType.plan(BUDGETED, "status-503");
        int requests = 40;

        for (int i = 0; i < requests; i++) {
            ProviderOutcome outcome = only(moderate("budgeted"));
            assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
            assertThat(outcome.getError().getKind()).isEqualTo(ProviderError.KindEnum.UNAVAILABLE);
            assertThat(outcome.getError().getMessage()).as("the vendor's failure, not one of Warden's")
                    .contains("503");
        }

        int calls = calls(BUDGETED);
        assertThat(calls).as("(1 + 0.2) × 40 + 5, where 3 retries each would have made 160")
                .isLessThanOrEqualTo((int) (1.2 * requests) + 5)
                .isGreaterThan(requests);
    }

    @Test
    void theBulkheadCapsCallsInFlightAtTheVendor() throws Exception {
        ScriptedAdapterType.plan("bulkheaded", "slow-300");

        List<ModerationResult> results = ConcurrentCalls.moderate(200, "bulkheaded");

        assertThat(results).hasSize(200);
        List<ProviderOutcome> outcomes = results.stream().map(ResilienceTest::only).toList();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.getOutcome()).isIn(
                ProviderOutcome.OutcomeEnum.OK, ProviderOutcome.OutcomeEnum.ERROR));
        assertThat(outcomes.stream().filter(outcome -> outcome.getOutcome() == ProviderOutcome.OutcomeEnum.ERROR))
                .allSatisfy(outcome -> assertThat(outcome.getError().getKind())
                        .isEqualTo(ProviderError.KindEnum.BULKHEAD_FULL));
        assertThat(outcomes.stream().filter(outcome -> outcome.getOutcome() == ProviderOutcome.OutcomeEnum.OK)
                .count()).as("20 in flight and 30 queued are always served").isGreaterThanOrEqualTo(50);
        assertThat(ScriptedAdapterType.counters("bulkheaded").mostInFlight()).isLessThanOrEqualTo(20)
                .isGreaterThan(1);
    }

    private static ModerationResult moderate(String policy) throws Exception {
        return WardenApi.moderations().createModeration(WardenApi.text("hello there", policy), null);
    }

    private static ProviderOutcome only(ModerationResult result) {
        assertThat(result.getProviders()).hasSize(1);
        return result.getProviders().get(0);
    }

    private static List<Instant> arrivals(String provider) {
        return ScriptedAdapterType.counters(provider).arrivals();
    }

    private static int calls(String provider) {
        return ScriptedAdapterType.counters(provider).startedCalls();
    }

    private static void setCircuit(String provider, String state) {
        given().auth().oauth2(TestClients.ADMIN_KEY).contentType("application/json")
                .body("{\"state\":\"" + state + "\"}").post("/v1/providers/" + provider + "/circuit")
                .then().statusCode(200);
    }

    private static void circuitIs(String provider, String state) {
        given().auth().oauth2(TestClients.ADMIN_KEY).get("/v1/providers").then().statusCode(200)
                .body("providers.find { it.id == '" + provider + "' }.guard.circuit", equalTo(state));
    }
}
