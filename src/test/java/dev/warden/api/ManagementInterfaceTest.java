package dev.warden.api;

import static dev.warden.testkit.ManagementPort.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.testkit.WardenApi;

@QuarkusTest
class ManagementInterfaceTest {

    @Test
    void livenessIsUp() {
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessChecksTheDatabase() {
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/" })
    void managementEndpointsAreNotOnTheApiPort(String path) {
        given().get(path).then().statusCode(404);
        management().get(path).then().statusCode(200);
    }

    @Test
    void theContractServedIsOpenapiWardenApiYaml() throws Exception {
        String served = management().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        for (String path : List.of("/v1/moderations:", "/v1/reports:", "/v1/webhooks/{partner}:")) {
            assertThat(served).contains(path);
        }
        String contract = Files.readString(Path.of("openapi/warden-api.yaml"));
        assertThat(served).contains(contract.lines().filter(line -> line.startsWith("  title:")).findFirst()
                .orElseThrow().trim());
    }

    @Test
    void providerCallsAreCountedByOutcomeWithLatencyHistograms() throws Exception {
        WardenApi.moderations().createModeration(WardenApi.text("hello", "default"), null);

        management().get("/q/metrics").then().statusCode(200)
                .body(containsString("warden_provider_calls_total{outcome=\"ok\",provider=\"local-rules\"}"))
                .body(containsString("warden_provider_latency_seconds_bucket{provider=\"local-rules\""))
                .body(containsString("warden_provider_latency_seconds_count{provider=\"local-rules\"}"));
    }

    @Test
    void eachGuardIsExported() {
        management().get("/q/metrics").then().statusCode(200)
                .body(containsString("warden_provider_circuit_state{provider=\"openai\",state=\"closed\"}"))
                .body(containsString("warden_provider_circuit_state{provider=\"local-rules\",state=\"disabled\"} 1.0"))
                .body(containsString("warden_provider_in_flight{provider=\"openai\"}"))
                .body(containsString("warden_provider_bulkhead_limit{provider=\"bulkheaded\"} 20.0"))
                .body(containsString("warden_provider_bulkhead_rejections_total{provider=\"openai\"}"))
                .body(containsString("warden_provider_rate_limit_rejections_total{provider=\"limited\"}"))
                .body(containsString("warden_provider_extra_calls_total{provider=\"retrying\"}"));
    }
}
