package dev.warden.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.testkit.WardenApi;

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

    @Test
    void eachGuardIsExported() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("warden_provider_circuit_state{provider=\"openai\",state=\"closed\"}"))
                .body(containsString("warden_provider_circuit_state{provider=\"local-rules\",state=\"disabled\"} 1.0"))
                .body(containsString("warden_provider_in_flight{provider=\"openai\"}"))
                .body(containsString("warden_provider_bulkhead_limit{provider=\"bulkheaded\"} 20.0"))
                .body(containsString("warden_provider_bulkhead_rejections_total{provider=\"openai\"}"))
                .body(containsString("warden_provider_rate_limit_rejections_total{provider=\"limited\"}"))
                .body(containsString("warden_provider_extra_calls_total{provider=\"retrying\"}"));
    }
}
