package dev.warden.webhooks.inbox;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.PartnerSignatures;
import dev.warden.testkit.TestClients;

/** What the inbox tests do over HTTP: partners' signed deliveries, the admin reads and replays, and the rows. */
final class InboxDeliveries {

    private InboxDeliveries() {
    }

    static String newEventId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String event(String script) {
        return "{\"type\":\"inbox.test\",\"timestamp\":\"2026-12-02T02:00:00Z\",\"data\":{\"script\":\"" + script
                + "\"}}";
    }

    /** Signed with the tester's current secret, now. */
    static ValidatableResponse deliver(String eventId, String body) {
        return deliver(InboxTestPartners.TESTER, InboxTestPartners.NEW_SECRET, eventId,
                body.getBytes(StandardCharsets.UTF_8));
    }

    static ValidatableResponse deliver(String partner, String secret, String eventId, byte[] body) {
        return deliver(partner, PartnerSignatures.headers(secret, eventId, body), body);
    }

    static ValidatableResponse deliver(String partner, Map<String, String> headers, byte[] body) {
        return given().headers(headers).contentType("application/json").body(body)
                .post("/v1/webhooks/{partner}", partner).then();
    }

    static ValidatableResponse events(String partner, String status) {
        return given().auth().oauth2(TestClients.ADMIN_KEY).queryParam("status", status)
                .get("/v1/webhooks/{partner}/events", partner).then().statusCode(200);
    }

    static ValidatableResponse event(String partner, String id) {
        return given().auth().oauth2(TestClients.ADMIN_KEY)
                .get("/v1/webhooks/{partner}/events/{id}", partner, id).then();
    }

    static ValidatableResponse replay(String partner, String id) {
        return given().auth().oauth2(TestClients.ADMIN_KEY)
                .post("/v1/webhooks/{partner}/events/{id}/replay", partner, id).then();
    }

    static long storedEvents(String partner, String eventId) throws Exception {
        return TestDatabase.queryOne(Long.class,
                "select count(*) from webhook_event where partner = ? and event_id = ?", partner, eventId);
    }

    /** The outcomes of every attempt of the outbox rows that processed the event, in order. */
    static List<String> attemptOutcomes(String id) throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (Connection connection = TestDatabase.connect();
                PreparedStatement statement = connection.prepareStatement("select a.outcome from outbox_attempt a"
                        + " join outbox o on o.id = a.outbox_id where o.subject_id = ? order by a.started_at")) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(rows.getString(1));
                }
            }
        }
        return outcomes;
    }

    static long queuedWork(String partner, String eventId) throws Exception {
        return TestDatabase.queryOne(Long.class, "select count(*) from outbox o join webhook_event e"
                + " on o.subject_id = e.id where o.kind = 'webhook-event' and e.partner = ? and e.event_id = ?",
                partner, eventId);
    }
}
