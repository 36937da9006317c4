package dev.warden.resilience;

import static io.restassured.RestAssured.given;

import dev.warden.testkit.TestClients;

/** A provider's guard as operators see it on {@code GET /v1/providers}. */
final class GuardView {

    static String circuit(String provider) {
        return field(provider, "circuit");
    }

    static int inFlight(String provider) {
        return Integer.parseInt(field(provider, "inFlight"));
    }

    private static String field(String provider, String name) {
        return given().auth().oauth2(TestClients.ADMIN_KEY).get("/v1/providers").then().statusCode(200).extract()
                .path("providers.find { it.id == '" + provider + "' }.guard." + name).toString();
    }

    private GuardView() {
    }
}
