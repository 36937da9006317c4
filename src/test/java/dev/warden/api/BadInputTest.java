package dev.warden.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.warden.testkit.TestClients;

/** Every kind of bad input gets a precise problem+json 4xx naming the field, never a 500 or a stack trace. */
@QuarkusTest
class BadInputTest {

    private static ValidatableResponse post(String body) {
        return given().auth().oauth2(TestClients.MODERATOR_KEY).contentType("application/json").body(body)
                .post("/v1/moderations").then()
                .contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    private static ValidatableResponse invalidField(String body, String field, String message) {
        return post(body).statusCode(400)
                .body("type", equalTo("https://warden.dev/problems/validation"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    @Test
    void malformedJson() {
        post("{\"content\": [ {\"type\": \"text\", ").statusCode(400)
                .body("type", equalTo("https://warden.dev/problems/malformed-json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void anEmptyBody() {
        invalidField("", "body", "is required");
    }

    @Test
    void missingContent() {
        invalidField("{\"policy\":\"default\"}", "content", "is required");
    }

    @Test
    void emptyContent() {
        invalidField("{\"content\":[]}", "content", "at least one part");
    }

    @Test
    void contentThatIsNotAnArray() {
        invalidField("{\"content\":\"hello\"}", "content", "must be an array");
    }

    @Test
    void anUnknownPartType() {
        invalidField("{\"content\":[{\"type\":\"text\",\"text\":\"ok\"},{\"type\":\"hologram\"}]}", "content[1].type",
                "must be one of: text, image");
    }

    @Test
    void aPartWithoutType() {
        invalidField("{\"content\":[{\"text\":\"ok\"}]}", "content[0].type", "is required");
    }

    @Test
    void emptyText() {
        invalidField("{\"content\":[{\"type\":\"text\",\"text\":\"   \"}]}", "content[0].text", "must not be blank");
    }

    @Test
    void aTextPartWithoutText() {
        invalidField("{\"content\":[{\"type\":\"text\"}]}", "content[0].text", "is required");
    }

    @Test
    void textOverTheLimit() {
        invalidField("{\"content\":[{\"type\":\"text\",\"text\":\"" + "a".repeat(20_001) + "\"}]}",
                "content[0].text", "at most 20000 characters (got 20001)");
    }

    @Test
    void tooManyParts() {
        String part = "{\"type\":\"text\",\"text\":\"hi\"}";
        invalidField("{\"content\":[" + String.join(",", java.util.Collections.nCopies(17, part)) + "]}", "content",
                "at most 16 parts (got 17)");
    }

    @Test
    void anImageWithoutAnHttpUrl() {
        invalidField("{\"content\":[{\"type\":\"image\",\"url\":\"file:///etc/passwd\"}]}", "content[0].url",
                "http(s) URL");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        post("{\"content\":[{\"type\":\"text\",\"text\":\"\"},{\"type\":\"image\"}]}").statusCode(400)
                .body("errors.field", hasItem("content[0].text"))
                .body("errors.field", hasItem("content[1].url"))
                .body("detail", equalTo("2 fields are invalid"));
    }

    @Test
    void anUnknownPolicy() {
        post("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"policy\":\"strict\"}").statusCode(422)
                .body("type", equalTo("https://warden.dev/problems/unknown-policy"))
                .body("errors[0].field", equalTo("policy"))
                .body("detail", containsString("known: "));
    }

    @Test
    void aContextValueOverItsLimit() {
        invalidField("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"context\":{\"userId\":\""
                + "u".repeat(257) + "\"}}", "context.userId", "at most 256");
    }

    @Test
    void aContextValueWithNulIsAFieldProblem() {
        invalidField("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"context\":{\"userId\":\"a\\u0000b\"}}",
                "context.userId", "U+0000");
    }

    @Test
    void aBodyOverTheSizeLimit() {
        post("{\"content\":[{\"type\":\"text\",\"text\":\"" + "a".repeat(1_100_000) + "\"}]}").statusCode(413)
                .body("type", equalTo("https://warden.dev/problems/payload-too-large"));
    }

    @Test
    void aBodyThatIsNotJson() {
        given().auth().oauth2(TestClients.MODERATOR_KEY).contentType("text/plain").body("hello")
                .post("/v1/moderations").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().auth().oauth2(TestClients.MODERATOR_KEY).get("/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anIdThatIsNotAUuid() {
        given().auth().oauth2(TestClients.MODERATOR_KEY).get("/v1/moderations/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownId() {
        given().auth().oauth2(TestClients.MODERATOR_KEY).get("/v1/moderations/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://warden.dev/problems/not-found"));
    }

    @Test
    void aWrongMethod() {
        given().auth().oauth2(TestClients.MODERATOR_KEY).delete("/v1/moderations")
                .then().statusCode(405).contentType("application/problem+json");
    }
}
