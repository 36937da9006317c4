package dev.warden.api;

import static dev.warden.testkit.ManagementPort.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.TestClients;

/** Per-client limits through the API: the policies a client may use, and its request rate. */
@QuarkusTest
class ClientLimitsTest {

    private static final String FAIL_OPEN = "{\"policy\":\"fail-open\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}";
    private static final String DEFAULT = "{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}";

    @Test
    void aPolicyTheClientWasNotGivenIsForbiddenAndNothingIsStored() throws Exception {
        long before = moderationsOf("policy-limited");

        for (String mode : new String[] { "", ",\"mode\":\"async\"" }) {
            given().auth().oauth2(TestClients.POLICY_LIMITED_KEY).contentType("application/json")
                    .header("Idempotency-Key", "limited-" + mode.length())
                    .body(FAIL_OPEN.replace("}]}", "}]" + mode + "}")).post("/v1/moderations")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://warden.dev/problems/policy-not-allowed"))
                    .body("detail", equalTo("This client may not use policy 'fail-open'; its policies: default"))
                    .body("errors[0].field", equalTo("policy"));
        }

        assertThat(moderationsOf("policy-limited")).isEqualTo(before);
        assertThat(TestDatabase.queryOne(Long.class,
                "select count(*) from idempotency_claim where client_name = 'policy-limited'")).isZero();
        management().get("/q/metrics").then().body(containsString(
                "warden_clients_rejected_total{client=\"policy-limited\",reason=\"policy\"} 2.0"));
    }

    @Test
    void theClientsOwnPolicyIsServedAndOtherClientsKeepEveryPolicy() throws Exception {
        long before = moderationsOf("policy-limited");

        given().auth().oauth2(TestClients.POLICY_LIMITED_KEY).contentType("application/json").body(DEFAULT)
                .post("/v1/moderations").then().statusCode(200).body("policy", equalTo("default"));
        given().auth().oauth2(TestClients.MODERATOR_KEY).contentType("application/json").body(FAIL_OPEN)
                .post("/v1/moderations").then().statusCode(200).body("policy", equalTo("fail-open"));

        assertThat(moderationsOf("policy-limited")).isEqualTo(before + 1);
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterWhileOthersAreServed() {
        Response first = moderate(TestClients.RATE_LIMITED_KEY);
        Response second = moderate(TestClients.RATE_LIMITED_KEY);

        assertThat(first.statusCode()).isEqualTo(200);
        second.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://warden.dev/problems/rate-limited"))
                .body("detail", containsString("warden.clients.rate-limited.rate-limit.per-second"));
        assertThat(Integer.parseInt(second.header("Retry-After"))).isBetween(1, 20);
        given().auth().oauth2(TestClients.RATE_LIMITED_KEY).get("/v1/providers").then().statusCode(429);
        assertThat(moderate(TestClients.MODERATOR_KEY).statusCode()).isEqualTo(200);
        management().get("/q/metrics").then().body(containsString(
                "warden_clients_rejected_total{client=\"rate-limited\",reason=\"rate-limit\"}"));
    }

    private static Response moderate(String key) {
        return given().auth().oauth2(key).contentType("application/json").body(DEFAULT).post("/v1/moderations");
    }

    private static long moderationsOf(String client) throws Exception {
        return TestDatabase.queryOne(Long.class, "select count(*) from moderation where client_name = ?", client);
    }
}
