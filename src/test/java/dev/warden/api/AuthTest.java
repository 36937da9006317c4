package dev.warden.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.ApiException;
import dev.warden.client.model.ModerationResult;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

@QuarkusTest
class AuthTest {

    private static final String BODY = "{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}";

    @Test
    void aMissingKeyIsUnauthorized() {
        given().contentType("application/json").body(BODY).post("/v1/moderations")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"warden\"")
                .body("type", equalTo("https://warden.dev/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void anUnknownKeyIsUnauthorized() {
        given().auth().oauth2("not-a-key").contentType("application/json").body(BODY).post("/v1/moderations")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("Unknown API key"));
    }

    @Test
    void aNonBearerSchemeIsUnauthorized() {
        given().header("Authorization", "Basic dGVzdDp0ZXN0").contentType("application/json").body(BODY)
                .post("/v1/moderations").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aKeyWithoutTheScopeIsForbidden() {
        given().auth().oauth2(TestClients.REPORTER_KEY).contentType("application/json").body(BODY)
                .post("/v1/moderations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://warden.dev/problems/forbidden"))
                .body("detail", equalTo("This operation needs scope 'moderate'"));
    }

    @Test
    void adminMayListProvidersButNotModerate() throws Exception {
        assertThat(WardenApi.providers(TestClients.ADMIN_KEY).listProviders().getProviders()).isNotEmpty();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> WardenApi
                .moderations(TestClients.ADMIN_KEY).createModeration(WardenApi.text("hi", "default"), null));
        assertThat(refused.getCode()).isEqualTo(403);
    }

    @Test
    void aClientCannotReadAnotherClientsResult() throws Exception {
        ModerationResult mine = WardenApi.moderations().createModeration(WardenApi.text("hi", "default"), null);

        given().auth().oauth2(TestClients.REPORTER_KEY).get("/v1/moderations/" + mine.getId())
                .then().statusCode(403);
        assertThat(WardenApi.moderations().getModeration(mine.getId()).getId()).isEqualTo(mine.getId());
    }
}
