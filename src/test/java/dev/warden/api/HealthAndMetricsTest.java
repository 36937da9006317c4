package dev.warden.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.warden.testkit.WardenApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
    }

    @Test
    void providerCallsAreCountedByOutcomeWithLatencyHistograms() throws Exception {
        WardenApi.moderations().createModeration(WardenApi.text("hello", "default"), null);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("warden_provider_calls_total{outcome=\"ok\",provider=\"local-rules\"}"))
                .body(containsString("warden_provider_latency_seconds_bucket{provider=\"local-rules\""))
                .body(containsString("warden_provider_latency_seconds_count{provider=\"local-rules\"}"));
    }
}
