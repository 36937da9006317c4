package dev.warden.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.TestClients;

/**
 * One span per provider call, a child of the request's server span, saying what the call came to; one span per outbox
 * delivery attempt.
 */
@QuarkusTest
@TestProfile(ObservabilityOn.class)
class TracingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter exporter;

    @BeforeEach
    void reset() {
        ScriptedAdapterType.reset();
        exporter.reset();
    }

    @Test
    void eachProviderCallIsASpanUnderTheRequestsServerSpan() {
        ScriptedAdapterType.plan("retrying", "status-503", "status-503", "status-503");
        ScriptedAdapterType.plan("fs-backup", "ok");
        JsonPath answer = moderate("traced", "sync").then().statusCode(200).extract().jsonPath();
        String id = answer.getString("id");
        Map<String, Map<String, Object>> outcomes = answer.<Map<String, Object>>getList("providers").stream()
                .collect(Collectors.toMap(outcome -> (String) outcome.get("provider"), Function.identity()));
        assertThat(outcomes).containsOnlyKeys("local-rules", "fs-backup", "retrying");

        List<SpanData> calls = await().atMost(WAIT).until(() -> providerCalls(id), spans -> spans.size() >= 3);
        assertThat(calls).hasSize(3);
        for (SpanData call : calls) {
            String provider = call.getAttributes().get(TraceAttributes.PROVIDER);
            Map<String, Object> outcome = outcomes.get(provider);
            assertThat(call.getAttributes().get(TraceAttributes.OUTCOME)).isEqualTo(outcome.get("outcome"));
            assertThat(call.getAttributes().get(TraceAttributes.ATTEMPT))
                    .isEqualTo(((Number) outcome.get("attempts")).longValue());
        }
        SpanData failing = byProvider(calls, "retrying");
        assertThat(failing.getAttributes().get(TraceAttributes.OUTCOME)).isEqualTo("error");
        assertThat(failing.getAttributes().get(TraceAttributes.ERROR_KIND)).isEqualTo("UNAVAILABLE");
        assertThat(failing.getAttributes().get(TraceAttributes.ATTEMPT)).isGreaterThan(1L);
        assertThat(failing.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        SpanData answered = byProvider(calls, "fs-backup");
        assertThat(answered.getAttributes().get(TraceAttributes.OUTCOME)).isEqualTo("ok");
        assertThat(answered.getAttributes().get(TraceAttributes.ATTEMPT)).isEqualTo(1L);
        assertThat(answered.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

        SpanData server = await().atMost(WAIT).until(() -> exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER)
                .filter(span -> span.getTraceId().equals(calls.get(0).getTraceId())).toList(),
                spans -> !spans.isEmpty()).get(0);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.getTraceId()).isEqualTo(server.getTraceId());
            assertThat(call.getParentSpanId()).isEqualTo(server.getSpanId());
        });
    }

    @Test
    void anAsyncModerationsJobIsADeliverySpanOfItsOwn() {
        ScriptedAdapterType.plan("fs-backup", "ok");
        String id = moderate("traced", "async").then().statusCode(202).extract().jsonPath().getString("id");

        SpanData delivery = await().atMost(WAIT).until(() -> exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(DeliveryTracing.SPAN))
                .filter(span -> "moderation".equals(span.getAttributes().get(TraceAttributes.KIND))).toList(),
                spans -> !spans.isEmpty()).get(0);
        assertThat(delivery.getAttributes().get(TraceAttributes.DESTINATION)).isEqualTo("moderation");
        assertThat(delivery.getAttributes().get(TraceAttributes.ATTEMPT)).isEqualTo(1L);
        assertThat(delivery.getAttributes().get(TraceAttributes.ROWS)).isEqualTo(1L);
        assertThat(delivery.getAttributes().get(TraceAttributes.OUTCOME)).isEqualTo("done");
        assertThat(delivery.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(delivery.getParentSpanContext().isValid()).isFalse();
        assertThat(await().atMost(WAIT).until(() -> providerCalls(id), spans -> spans.size() >= 3)).hasSize(3);
    }

    @Test
    void aFailedDeliveryAttemptSaysSo() {
        // Nothing listens on port 9: the callback's first attempt fails and is retried later.
        given().header("Authorization", "Bearer " + TestClients.MODERATOR_KEY).contentType("application/json")
                .body("{\"policy\":\"default\",\"mode\":\"async\",\"callbackUrl\":\"http://127.0.0.1:9/hook\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}")
                .post("/v1/moderations").then().statusCode(202);

        SpanData callback = await().atMost(WAIT).until(() -> exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(DeliveryTracing.SPAN))
                .filter(span -> "callback".equals(span.getAttributes().get(TraceAttributes.KIND))).toList(),
                spans -> !spans.isEmpty()).get(0);
        assertThat(callback.getAttributes().get(TraceAttributes.DESTINATION)).isEqualTo("callback:test-moderator");
        assertThat(callback.getAttributes().get(TraceAttributes.OUTCOME)).isEqualTo("retry");
        assertThat(callback.getAttributes().get(TraceAttributes.ATTEMPT)).isEqualTo(1L);
        assertThat(callback.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    private List<SpanData> providerCalls(String moderationId) {
        return exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(ProviderCallTracing.SPAN))
                .filter(span -> moderationId.equals(span.getAttributes().get(TraceAttributes.MODERATION)))
                .toList();
    }

    private static SpanData byProvider(List<SpanData> spans, String provider) {
        return spans.stream().filter(span -> provider.equals(span.getAttributes().get(TraceAttributes.PROVIDER)))
                .findFirst().orElseThrow();
    }

    static Response moderate(String policy, String mode) {
        return moderate(policy, mode, "tracing-test");
    }

    static Response moderate(String policy, String mode, String requestId) {
        return given().header("Authorization", "Bearer " + TestClients.MODERATOR_KEY).header("X-Request-Id", requestId)
                .contentType("application/json")
                .body("{\"policy\":\"" + policy + "\",\"mode\":\"" + mode
                        + "\",\"content\":[{\"type\":\"text\",\"text\":\"hello there\"}]}")
                .post("/v1/moderations");
    }
}
