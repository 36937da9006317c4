package dev.warden.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.TestClients;

/**
 * Logs say which request and which client a line was logged for, in JSON and in the plain format, and never what
 * was moderated nor a key; every response carries its request id.
 */
@QuarkusTest
@TestProfile(ObservabilityOn.class)
class LoggingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HEADER = "X-Request-Id";
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "quarkus.log.console.format")
    String plainFormat;

    @BeforeEach
    void reset() {
        ScriptedAdapterType.reset();
        OpenAiSimulator.reset();
    }

    @Test
    void everyLineLoggedWhileServingARequestNamesTheRequestAndTheClient() throws Exception {
        // The failing provider is retried after a delay, so its line is logged after several hops off the request.
        ScriptedAdapterType.plan("retrying", "status-503", "status-503", "status-503");
        String requestId = "trace-me." + UUID.randomUUID();
        List<ExtLogRecord> lines;
        try (LogCapture capture = LogCapture.install()) {
            TracingTest.moderate("traced", "sync", requestId).then().statusCode(200)
                    .header(HEADER, requestId);
            lines = await().atMost(WAIT).until(() -> providerLines(capture, requestId), found -> found.size() >= 3);
        }
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line.getMdc("client")).isEqualTo("test-moderator"));
        assertThat(lines).anySatisfy(line -> assertThat(line.getFormattedMessage()).contains("retrying: error"));

        ExtLogRecord line = lines.get(0);
        JsonNode json = JSON.readTree(LogCapture.consoleFormatter().format(line));
        assertThat(json.path("mdc").path("requestId").asText()).isEqualTo(requestId);
        assertThat(json.path("mdc").path("client").asText()).isEqualTo("test-moderator");
        assertThat(new PatternFormatter(plainFormat).format(line)).contains("[" + requestId + " test-moderator]");
    }

    @Test
    void contentTextAndKeysNeverReachTheLogsNorTheSpans() {
        String marker = "marker-" + UUID.randomUUID();
        // A vendor that quotes the content back in its error, and a provider that throws something unexpected.
        OpenAiSimulator.answer(WireMock.aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"cannot moderate '" + marker + "'\"}}"));
        ScriptedAdapterType.plan("retrying", "throw");
        try (LogCapture capture = LogCapture.install()) {
            for (String policy : List.of("with-openai", "traced")) {
                given().header("Authorization", "Bearer " + TestClients.MODERATOR_KEY).contentType("application/json")
                        .body("{\"policy\":\"" + policy + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + marker
                                + " you idiot\"}]}")
                        .post("/v1/moderations").then().statusCode(200);
            }
            await().atMost(WAIT).until(() -> capture.records().stream()
                    .filter(line -> line.getLoggerName().equals(ProviderCallTracing.class.getName())).count() >= 5);
            assertThat(capture.records()).isNotEmpty().allSatisfy(line -> assertThat(LogCapture.text(line))
                    .doesNotContain(marker, TestClients.MODERATOR_KEY, "sk-test-key"));
            assertThat(capture.records()).anySatisfy(line -> assertThat(line.getLoggerName())
                    .isEqualTo("dev.warden.moderation.ProviderCaller"));
        }
        assertThat(spans.getFinishedSpanItems()).isNotEmpty().allSatisfy(span -> assertThat(span.toString())
                .doesNotContain(marker, TestClients.MODERATOR_KEY, "sk-test-key"));
    }

    @Test
    void aSafeRequestIdIsEchoedOnEveryAnswer() {
        String id = "caller:42_a.b-c";
        given().header(HEADER, id).get("/v1/moderations/" + UUID.randomUUID()).then().statusCode(401)
                .header(HEADER, id);
        given().header(HEADER, id).get("/no/such/path").then().statusCode(404)
                .header(HEADER, id);
        TracingTest.moderate("default", "sync", id).then().statusCode(200).header(HEADER, id);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "has space", "semi;colon", "quote\"d", "<script>", "é", "%0d%0aSet-Cookie:x" })
    void anUnsafeOrMissingRequestIdIsReplaced(String offered) {
        String answered = given().header(HEADER, offered).get("/v1/providers").then().statusCode(401)
                .extract().header(HEADER);
        assertThat(answered).matches(UUID_SHAPE);
        assertThat(given().get("/v1/providers").then().extract().header(HEADER)).matches(UUID_SHAPE)
                .isNotEqualTo(answered);
    }

    @Test
    void aRequestIdLongerThan128CharactersIsReplaced() {
        String longest = "a".repeat(128);
        given().header(HEADER, longest).get("/v1/providers").then().header(HEADER, longest);
        assertThat(given().header(HEADER, longest + "a").get("/v1/providers").then().extract()
                .header(HEADER)).matches(UUID_SHAPE);
    }

    private static List<ExtLogRecord> providerLines(LogCapture capture, String requestId) {
        return capture.records().stream()
                .filter(line -> line.getLoggerName().equals(ProviderCallTracing.class.getName()))
                .filter(line -> requestId.equals(line.getMdc("requestId")))
                .toList();
    }
}
