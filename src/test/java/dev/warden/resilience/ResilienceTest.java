package dev.warden.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderError;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

/** Vendors failing in every way, against WireMock, asserting what the vendor saw (call counts, timings). */
@QuarkusTest
class ResilienceTest {

    static final String RETRYING = "/retrying/v1/moderations";
    static final String BREAKER = "/breaker/v1/moderations";
    static final String BUDGETED = "/budgeted/v1/moderations";

    @BeforeEach
    void resetVendor() {
        OpenAiSimulator.reset();
    }

    @Test
    void twoOutagesThenAnAnswerIsOneOkAfterThreeAttempts() throws Exception {
        OpenAiSimulator.answerInSequence(RETRYING, 2, aResponse().withStatus(503),
                OpenAiSimulator.fixture("clean.json"));

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
        OpenAiSimulator.answerInSequence(RETRYING, 1, rateLimited("1"), OpenAiSimulator.fixture("clean.json"));

        ProviderOutcome outcome = only(moderate("retrying"));

        assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(outcome.getAttempts()).isEqualTo(2);
        List<Instant> arrivals = arrivals(RETRYING);
        assertThat(Duration.between(arrivals.get(0), arrivals.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterBeyondTheDeadlineIsNotWaitedFor() throws Exception {
        OpenAiSimulator.answer(RETRYING, rateLimited("30"));
        Instant start = Instant.now();

        ProviderOutcome outcome = only(moderate("retrying-2s"));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(1_000));
        assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.RATE_LIMITED);
        assertThat(outcome.getError().getRetryAfterMs()).isEqualTo(30_000L);
        assertThat(outcome.getAttempts()).isEqualTo(1);
        assertThat(OpenAiSimulator.calls(RETRYING)).isEqualTo(1);
    }

    @Test
    void aFailingVendorTripsTheBreakerThenOneProbeClosesIt() throws Exception {
        setCircuit("breaker", "closed");
        OpenAiSimulator.answer(BREAKER, aResponse().withStatus(500));
        for (int i = 0; i < 4; i++) {
            assertThat(only(moderate("breaker")).getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        }

        ProviderOutcome refused = only(moderate("breaker"));

        assertThat(refused.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.CIRCUIT_OPEN);
        assertThat(refused.getError().getKind()).isEqualTo(ProviderError.KindEnum.CIRCUIT_OPEN);
        assertThat(refused.getAttempts()).isZero();
        assertThat(OpenAiSimulator.calls(BREAKER)).isEqualTo(4);
        given().get("/q/health/ready").then().statusCode(200);
        circuitIs("breaker", "open");

        OpenAiSimulator.reset();
        OpenAiSimulator.answer(BREAKER, OpenAiSimulator.fixture("clean.json"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> only(moderate("breaker")).getOutcome() == ProviderOutcome.OutcomeEnum.OK);

        assertThat(OpenAiSimulator.calls(BREAKER)).as("a single probe after the delay").isEqualTo(1);
        circuitIs("breaker", "closed");
    }

    @Test
    void retriesStayWithinTheBudgetWhenAVendorIsDown() throws Exception {
        OpenAiSimulator.answer(BUDGETED, aResponse().withStatus(503));
        int requests = 40;

        for (int i = 0; i < requests; i++) {
            ProviderOutcome outcome = only(moderate("budgeted"));
            assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
            assertThat(outcome.getError().getKind()).isEqualTo(ProviderError.KindEnum.UNAVAILABLE);
            assertThat(outcome.getError().getMessage()).as("the vendor's failure, not one of Warden's")
                    .contains("503");
        }

        int calls = OpenAiSimulator.calls(BUDGETED);
        assertThat(calls).as("(1 + 0.2) × 40 + 5, where 3 retries each would have made 160")
                .isLessThanOrEqualTo((int) (1.2 * requests) + 5)
                .isGreaterThan(requests);
    }

    static Stream<ResponseDefinitionBuilder> garbage() {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) '[');
        return Stream.of(
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"results\":[{"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(tenMegabytes),
                aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>hi</html>"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsAnErrorOutcomeNeverAFailedRequest(ResponseDefinitionBuilder answer) throws Exception {
        OpenAiSimulator.answer(BREAKER, answer);
        setCircuit("breaker", "closed");

        ProviderOutcome outcome = only(moderate("breaker"));

        assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        assertThat(outcome.getError().getKind()).isIn(ProviderError.KindEnum.INVALID_RESPONSE,
                ProviderError.KindEnum.UNAVAILABLE);
    }

    @Test
    void theBulkheadCapsCallsInFlightAtTheVendor() throws Exception {
        String path = "/bulkheaded/v1/moderations";
        OpenAiSimulator.answer(path, OpenAiSimulator.fixture("clean.json").withFixedDelay(300));

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
        assertThat(maxInFlight(OpenAiSimulator.served(path))).isLessThanOrEqualTo(20).isGreaterThan(1);
    }

    private static int maxInFlight(List<ServeEvent> served) {
        record Edge(long at, int delta) {
        }
        List<Edge> edges = served.stream().flatMap(event -> {
            long start = event.getRequest().getLoggedDate().getTime();
            long end = start + event.getTiming().getTotalTime();
            return Stream.of(new Edge(start, 1), new Edge(end, -1));
        }).sorted((a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Integer.compare(a.delta(), b.delta()))
                .toList();
        int current = 0;
        int max = 0;
        for (Edge edge : edges) {
            current += edge.delta();
            max = Math.max(max, current);
        }
        return max;
    }

    private static ResponseDefinitionBuilder rateLimited(String retryAfter) {
        return aResponse().withStatus(429).withHeader("Retry-After", retryAfter)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}");
    }

    private static ModerationResult moderate(String policy) throws Exception {
        return WardenApi.moderations().createModeration(WardenApi.text("hello there", policy), null);
    }

    private static ProviderOutcome only(ModerationResult result) {
        assertThat(result.getProviders()).hasSize(1);
        return result.getProviders().get(0);
    }

    private static List<Instant> arrivals(String path) {
        return OpenAiSimulator.served(path).stream().map(event -> event.getRequest().getLoggedDate().toInstant())
                .sorted().toList();
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
