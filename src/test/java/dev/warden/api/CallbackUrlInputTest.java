package dev.warden.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.warden.testkit.TestClients;

/**
 * {@code mode} and {@code callbackUrl} checked at request time: a refused callback URL is a 422 problem naming the
 * field and saying why, and nothing is stored (an accepted one: AsyncModerationTest). Client {@code test-moderator} may call back to
 * {@code http://127.0.0.1} (any port); {@code second-moderator} to {@code hooks.example.com}, over https only.
 */
@QuarkusTest
class CallbackUrlInputTest {

    private static final String CONTENT = "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]";
    private static final String REFUSED = "https://warden.dev/problems/callback-url-refused";

    private static ValidatableResponse post(String apiKey, String fields) {
        return given().auth().oauth2(apiKey).contentType("application/json").body("{" + CONTENT + "," + fields + "}")
                .post("/v1/moderations").then();
    }

    private static ValidatableResponse refused(String apiKey, String fields, String message) {
        return post(apiKey, fields).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(REFUSED))
                .body("errors[0].field", equalTo("callbackUrl"))
                .body("errors[0].message", containsString(message))
                .body(not(containsString("Exception")));
    }

    @Test
    void anUnknownModeIsAnInvalidFieldLikeEveryUnknownEnumValue() {
        post(TestClients.MODERATOR_KEY, "\"mode\":\"later\"").statusCode(400)
                .body("type", equalTo("https://warden.dev/problems/validation"))
                .body("errors[0].field", equalTo("mode"))
                .body("errors[0].message", equalTo("must be one of: sync, async"));
    }

    @Test
    void aCallbackUrlNeedsAsyncMode() {
        refused(TestClients.MODERATOR_KEY, "\"callbackUrl\":\"http://127.0.0.1:9/hook\"", "needs mode 'async'");
        refused(TestClients.MODERATOR_KEY, "\"mode\":\"sync\",\"callbackUrl\":\"http://127.0.0.1:9/hook\"",
                "needs mode 'async'");
    }

    @Test
    void aHostNotInTheClientsCallbackHostsIsRefused() {
        refused(TestClients.MODERATOR_KEY, "\"mode\":\"async\",\"callbackUrl\":\"https://hooks.example.com/warden\"",
                "not in this client's callback-hosts");
        refused(TestClients.SECOND_MODERATOR_KEY, "\"mode\":\"async\",\"callbackUrl\":\"http://127.0.0.1:9/hook\"",
                "not in this client's callback-hosts");
    }

    @Test
    void aCallbackUrlThatIsNotAnAbsoluteHttpUrlIsRefused() {
        refused(TestClients.MODERATOR_KEY, "\"mode\":\"async\",\"callbackUrl\":\"not a url\"", "not a valid URL");
        refused(TestClients.MODERATOR_KEY, "\"mode\":\"async\",\"callbackUrl\":\"/hooks/warden\"",
                "absolute http(s) URL");
        refused(TestClients.MODERATOR_KEY, "\"mode\":\"async\",\"callbackUrl\":\"ftp://127.0.0.1/hook\"",
                "absolute http(s) URL");
    }

    @Test
    void plainHttpToAHostListedForHttpsOnlyIsRefused() {
        refused(TestClients.SECOND_MODERATOR_KEY,
                "\"mode\":\"async\",\"callbackUrl\":\"http://hooks.example.com/warden\"", "must use https");
    }

    @Test
    void aCallbackUrlOverTheUrlLengthLimitIsAnInvalidField() {
        post(TestClients.MODERATOR_KEY, "\"mode\":\"async\",\"callbackUrl\":\"http://127.0.0.1/" + "a".repeat(2_100)
                + "\"").statusCode(400)
                .body("type", equalTo("https://warden.dev/problems/validation"))
                .body("errors[0].field", equalTo("callbackUrl"));
    }
}
