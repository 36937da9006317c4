package dev.warden.api.openai;

import static dev.warden.api.openai.OpenAiCompatTest.PATH;
import static dev.warden.api.openai.OpenAiCompatTest.moderate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.warden.testkit.TestClients;

/**
 * Every refusal on {@code /openai/*} is in OpenAI's error shape with OpenAI's status, whoever refuses (the
 * resource, authentication, the body size limit, the framework), never problem details and never a 500; and a
 * refused request stores nothing.
 */
@QuarkusTest
class OpenAiErrorsTest {

    static Stream<Arguments> badInputs() {
        String longText = "x".repeat(20_001);
        return Stream.of(
                Arguments.of("{\"input\":42}", "input"),
                Arguments.of("{\"input\":null}", "input"),
                Arguments.of("{\"model\":\"omni-moderation-latest\"}", "input"),
                Arguments.of("{\"input\":[]}", "input"),
                Arguments.of("{\"input\":\"   \"}", "input"),
                Arguments.of("{\"input\":[\"ok\",\" \"]}", "input[1]"),
                Arguments.of("{\"input\":[\"ok\",{\"type\":\"text\",\"text\":\"ok\"}]}", "input"),
                Arguments.of("{\"input\":[\"" + longText + "\"]}", "input[0]"),
                Arguments.of("{\"input\":[" + "\"a\",".repeat(16) + "\"a\"]}", "input"),
                Arguments.of("{\"input\":[{\"type\":\"audio\"}]}", "input[0].type"),
                Arguments.of("{\"input\":[{\"type\":\"text\",\"text\":7}]}", "input[0].text"),
                Arguments.of("{\"input\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AA\"}}]}",
                        "input[0].image_url.url"),
                Arguments.of("{\"input\":[{\"type\":\"image_url\"}]}", "input[0].image_url.url"),
                Arguments.of("{\"input\":\"hi\",\"model\":\"" + "m".repeat(300) + "\"}", "model"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsAnInvalidRequestNamingTheParameter(String body, String param) {
        openAiError(moderate(body).then(), 400, "invalid_request_error")
                .body("error.param", equalTo(param));
    }

    @ParameterizedTest
    @ValueSource(strings = { "nul \\u0000 inside", "bell \\u0007 and escape \\u001b",
            "a lone surrogate \\ud800", "right-to-left \\u202e override" })
    void controlCharactersAreModeratedLikeAnyTextNeverAServerError(String text) {
        int status = moderate("{\"input\":[\"" + text + "\"]}").then().extract().statusCode();

        assertThat(status).as(text).isIn(200, 400);
    }

    @Test
    void malformedJsonIsAnInvalidRequest() {
        openAiError(moderate("{\"input\": \"unterminated").then(), 400, "invalid_request_error")
                .body("error.code", equalTo("malformed_json"));
    }

    @Test
    void aModelWithNoPolicyAndNoDefaultIsNotFoundAsAtOpenAi() {
        openAiError(moderate("{\"model\":\"text-moderation-007\",\"input\":\"hi\"}").then(), 404,
                "invalid_request_error")
                .body("error.code", equalTo("model_not_found"))
                .body("error.param", equalTo("model"))
                .body("error.message", containsString("text-moderation-007"));
    }

    @Test
    void aMissingOrUnknownKeyIsInvalidApiKey() {
        openAiError(given().contentType("application/json").body("{\"input\":\"hi\"}").post(PATH).then(), 401,
                "invalid_request_error")
                .header("WWW-Authenticate", "Bearer realm=\"warden\"")
                .body("error.code", equalTo("invalid_api_key"));
        openAiError(given().auth().oauth2("sk-not-a-warden-key").contentType("application/json")
                .body("{\"input\":\"hi\"}").post(PATH).then(), 401, "invalid_request_error")
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.message", not(containsString("sk-not")));
    }

    @Test
    void aKeyWithoutScopeModerateIsAPermissionError() {
        openAiError(given().auth().oauth2(TestClients.REPORTER_KEY).contentType("application/json")
                .body("{\"input\":\"hi\"}").post(PATH).then(), 403, "permission_error")
                .body("error.code", equalTo("forbidden"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedInOpenAisShape() {
        String huge = "{\"input\":\"" + "x".repeat(1_100_000) + "\"}";
        openAiError(moderate(huge).then(), 413, "invalid_request_error")
                .body("error.code", equalTo("payload_too_large"));
    }

    @Test
    void theFrameworksOwnRefusalsAreInOpenAisShapeToo() {
        openAiError(given().auth().oauth2(TestClients.MODERATOR_KEY).contentType("text/plain").body("hi")
                .post(PATH).then(), 415, "invalid_request_error");
        openAiError(given().auth().oauth2(TestClients.MODERATOR_KEY).get(PATH).then(), 405,
                "invalid_request_error");
        openAiError(given().auth().oauth2(TestClients.MODERATOR_KEY).contentType("application/json")
                .body("{\"input\":\"hi\"}").post("/openai/v1/chat/completions").then(), 404,
                "invalid_request_error");
    }

    @Test
    void theV1ApiKeepsProblemDetails() {
        given().contentType("application/json").body("{}").post("/v1/moderations").then().statusCode(401)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse openAiError(ValidatableResponse response, int status, String type) {
        String body = response.extract().asString();
        assertThat(body).doesNotContain("dev.warden").doesNotContain("Exception").doesNotContain("problem");
        return response.statusCode(status).contentType("application/json")
                .body("error.type", equalTo(type))
                .body("error.message", not(nullValue()))
                .body("type", nullValue());
    }
}
