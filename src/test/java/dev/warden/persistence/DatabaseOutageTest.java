package dev.warden.persistence;

import static dev.warden.persistence.TimedRequests.assertUnavailableInTime;
import static dev.warden.testkit.ManagementPort.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.warden.persistence.TimedRequests.Timed;
import dev.warden.testkit.PartnerSignatures;
import dev.warden.testkit.TestClients;
import dev.warden.webhooks.inbox.InboxTestPartners;

/**
 * The database going away or stalling: Warden stops being ready, refuses to answer what it cannot store (503,
 * problem details, nothing half-done) within its bounds, stays alive, and recovers by itself when the database is
 * back.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    private static final String BODY = "{\"content\":[{\"type\":\"text\",\"text\":\"I will hurt you\"}]}";

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OutagePostgresResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("warden.test.openai-simulator-url", "http://127.0.0.1:9");
        }
    }

    @Test
    void anOutageIsA503AndWardenRecoversWhenTheDatabaseReturns() {
        moderate().statusCode(200);

        OutagePostgresResource.down();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> management().get("/q/health/ready").then()
                    .statusCode(503).body("status", equalTo("DOWN")));
            management().get("/q/health/live").then().statusCode(200);
            moderate().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("https://warden.dev/problems/unavailable"));
            // A partner's event that cannot be stored is never acknowledged: the partner delivers it again later.
            partnerEvent("msg_during_outage").statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("https://warden.dev/problems/unavailable"));
        } finally {
            OutagePostgresResource.up();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> partnerEvent("msg_during_outage").statusCode(202));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> moderate().statusCode(200)
                .body("decision", equalTo("block")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> management().get("/q/health/ready").then()
                .statusCode(200));
    }

    @Test
    void aStalledDatabaseIsA503InTimeAndWardenRecoversWhenItResumes() {
        Timed stored = TimedRequests.moderate(null);
        assertThat(stored.response().statusCode()).isEqualTo(200);
        String storedPath = "/v1/moderations/" + stored.id();
        // A cold JVM's first Hibernate query loads classes for longer than the database timeout on a busy machine.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TimedRequests.get(storedPath).response().statusCode() == 200);

        OutagePostgresResource.stall();
        try {
            assertUnavailableInTime(TimedRequests.moderate(null));
            assertUnavailableInTime(TimedRequests.moderate(UUID.randomUUID().toString()));
            assertUnavailableInTime(TimedRequests.get(storedPath));
            Timed readiness = TimedRequests.getManagement("/q/health/ready");
            assertThat(readiness.took()).isLessThan(TimedRequests.BOUND);
            assertThat(readiness.response().statusCode()).isEqualTo(503);
            management().get("/q/health/live").then().statusCode(200);
        } finally {
            OutagePostgresResource.resume();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> management().get("/q/health/ready").then()
                .statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> moderate().statusCode(200)
                .body("decision", equalTo("block")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TimedRequests.get(storedPath).response().statusCode() == 200);
    }

    private static io.restassured.response.ValidatableResponse partnerEvent(String eventId) {
        byte[] body = "{\"type\":\"inbox.test\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
        return given().headers(PartnerSignatures.headers(InboxTestPartners.NEW_SECRET, eventId, body))
                .contentType("application/json").body(body).post("/v1/webhooks/" + InboxTestPartners.TESTER).then();
    }

    private static io.restassured.response.ValidatableResponse moderate() {
        return given().auth().oauth2(TestClients.MODERATOR_KEY).contentType("application/json").body(BODY)
                .post("/v1/moderations").then();
    }
}
