package dev.warden.resilience;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

/** Incident response: an admin forces a provider's circuit open, calls stop at once, and closing resumes them. */
@QuarkusTest
class CircuitOperationsTest {

    private static final String OPERATED = "operated";

    @BeforeEach
    void answerClean() {
        ScriptedAdapterType.reset();
        ScriptedAdapterType.plan(OPERATED, "ok");
    }

    @Test
    void aForcedOpenCircuitStopsCallsUntilClosed() throws Exception {
        change(TestClients.ADMIN_KEY, "operated", "{\"state\":\"open\"}").statusCode(200)
                .body("id", equalTo("operated")).body("guard.circuit", equalTo("forced_open"));

        ProviderOutcome refused = outcome();

        assertThat(refused.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.CIRCUIT_OPEN);
        assertThat(ScriptedAdapterType.counters(OPERATED).startedCalls()).isZero();

        change(TestClients.ADMIN_KEY, "operated", "{\"state\":\"closed\"}").statusCode(200)
                .body("guard.circuit", equalTo("closed"));
        assertThat(outcome().getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(ScriptedAdapterType.counters(OPERATED).startedCalls()).isEqualTo(1);
    }

    @Test
    void onlyAdminsMayChangeACircuit() {
        change(TestClients.MODERATOR_KEY, "operated", "{\"state\":\"open\"}").statusCode(403)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"state\":\"open\"}").post("/v1/providers/operated/circuit")
                .then().statusCode(401);
    }

    @Test
    void anUnknownProviderOrStateIsRefused() {
        change(TestClients.ADMIN_KEY, "nope", "{\"state\":\"open\"}").statusCode(404)
                .contentType("application/problem+json");
        change(TestClients.ADMIN_KEY, "operated", "{\"state\":\"ajar\"}").statusCode(400)
                .body("errors[0].field", equalTo("state"));
        change(TestClients.ADMIN_KEY, "operated", "{}").statusCode(400);
    }

    @Test
    void theProviderListShowsEachGuard() {
        given().auth().oauth2(TestClients.MODERATOR_KEY).get("/v1/providers").then().statusCode(200)
                .body("providers.find { it.id == 'bulkheaded' }.guard.maxConcurrent", equalTo(20))
                .body("providers.find { it.id == 'local-rules' }.guard.circuit", equalTo("disabled"))
                .body("providers.find { it.id == 'operated' }.guard.inFlight", equalTo(0));
    }

    private static ValidatableResponse change(String key, String provider, String body) {
        return given().auth().oauth2(key).contentType("application/json").body(body)
                .post("/v1/providers/" + provider + "/circuit").then();
    }

    private static ProviderOutcome outcome() throws Exception {
        return WardenApi.moderations().createModeration(WardenApi.text("hello", "operated"), null).getProviders()
                .get(0);
    }
}
