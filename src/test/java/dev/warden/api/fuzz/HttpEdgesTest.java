package dev.warden.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.warden.testkit.TestClients;

/**
 * One regression test per answer the fuzz run found wrong, each pinned to its exact problem: these would otherwise
 * only show up as one violation among thousands of cases.
 */
@QuarkusTest
class HttpEdgesTest {

    private static final String PROBLEMS = "https://warden.dev/problems/";

    @TestHTTPResource("/")
    URL api;

    private RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(api.getHost(), api.getPort(), Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void aNulCharacterInAStoredValueIsAValidationProblemNotA500() throws IOException {
        RawAnswer answer = send(moderation("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],"
                + "\"context\":{\"userId\":\"a\\u0000b\"}}"));

        JsonNode problem = problem(answer, 400);
        assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "validation");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("U+0000");
    }

    @Test
    void aNulByteInAQueryValueIsAValidationProblemNotA500() throws IOException {
        RawAnswer answer = send(new RawRequest("GET", "/v1/deliveries?kind=%00").header("Authorization",
                "Bearer " + TestClients.ADMIN_KEY));

        assertThat(problem(answer, 400).path("type").asText()).isEqualTo(PROBLEMS + "validation");
    }

    @Test
    void anEmptyAcceptHeaderIsABadRequestProblemNotA500() throws IOException {
        RawAnswer answer = send(new RawRequest("GET", "/v1/reports").header("Authorization",
                "Bearer " + TestClients.REPORTER_KEY).header("Accept", ""));

        assertThat(problem(answer, 400).path("type").asText()).isEqualTo(PROBLEMS + "http-400");
    }

    @Test
    void aWrongMethodNamesThePathsMethodsInAllow() throws IOException {
        RawAnswer onModeration = send(new RawRequest("DELETE", "/v1/moderations/6f1c2d3e-0000-4000-8000-000000000000")
                .header("Authorization", "Bearer " + TestClients.MODERATOR_KEY));
        RawAnswer onAction = send(new RawRequest("PUT", "/v1/deliveries/6f1c2d3e-0000-4000-8000-000000000000/replay")
                .header("Authorization", "Bearer " + TestClients.ADMIN_KEY));

        assertThat(problem(onModeration, 405).path("type").asText()).isEqualTo(PROBLEMS + "http-405");
        assertThat(onModeration.header("allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(problem(onAction, 405).path("status").asInt()).isEqualTo(405);
        assertThat(onAction.header("allow")).hasValue("OPTIONS, POST");
    }

    @Test
    void aTargetOverWardensLimitIsA414Problem() throws IOException {
        RawAnswer answer = send(new RawRequest("GET", "/v1/providers?q=" + "x".repeat(9_000)));

        JsonNode problem = problem(answer, 414);
        assertThat(problem.path("detail").asText()).contains("the limit is 8192");
    }

    @Test
    void underOpenAiTheSameRefusalIsInOpenAisErrorShape() throws IOException {
        RawAnswer answer = send(new RawRequest("POST", "/openai/v1/moderations?q=" + "x".repeat(9_000)));

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        JsonNode error = BaseRequests.JSON.readTree(answer.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).contains("the limit is 8192");
    }

    @Test
    void headersOverWardensLimitAreA431Problem() throws IOException {
        RawAnswer answer = send(new RawRequest("GET", "/v1/providers").header("X-Big", "b".repeat(20_000)));

        assertThat(problem(answer, 431).path("type").asText()).isEqualTo(PROBLEMS + "http-431");
    }

    @Test
    void headersPastTheServersHardLimitGetItsBare431() throws IOException {
        RawAnswer answer = send(new RawRequest("GET", "/v1/providers").header("X-Big", "b".repeat(70_000)));

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void aTargetThatIsNotAPathIsA404Problem() throws IOException {
        assertThat(problem(send(new RawRequest("GET", "v1/providers")), 404).path("type").asText())
                .isEqualTo(PROBLEMS + "not-found");
        assertThat(problem(send(new RawRequest("OPTIONS", "*")), 404).path("type").asText())
                .isEqualTo(PROBLEMS + "not-found");
    }

    /** Documented in README "Errors": the HTTP server refuses a target that is not a URI before any route runs. */
    @Test
    void aBrokenEscapeInTheTargetGetsTheServersBare400() throws IOException {
        RawAnswer answer = send(new RawRequest("GET", "/v1/deliveries?a=%zz").header("Authorization",
                "Bearer " + TestClients.ADMIN_KEY));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEmpty();
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void aGoodRequestPassesTheGate() throws IOException {
        RawAnswer answer = send(new RawRequest("GET", "/v1/providers").header("Authorization",
                "Bearer " + TestClients.MODERATOR_KEY).header("X-Padding", "p".repeat(8_000)));

        assertThat(answer.status()).isEqualTo(200);
    }

    private static RawRequest moderation(String body) {
        return new RawRequest("POST", "/v1/moderations").header("Authorization", "Bearer " + TestClients.MODERATOR_KEY)
                .header("Content-Type", "application/json").body(body);
    }

    private RawAnswer send(RawRequest request) throws IOException {
        return http.exchange(request.bytes("localhost"));
    }

    private static JsonNode problem(RawAnswer answer, int status) throws IOException {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        JsonNode problem = BaseRequests.JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
