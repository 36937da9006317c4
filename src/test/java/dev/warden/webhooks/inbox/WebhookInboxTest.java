package dev.warden.webhooks.inbox;

import static dev.warden.webhooks.inbox.InboxDeliveries.deliver;
import static dev.warden.webhooks.inbox.InboxDeliveries.event;
import static dev.warden.webhooks.inbox.InboxDeliveries.events;
import static dev.warden.webhooks.inbox.InboxDeliveries.newEventId;
import static dev.warden.webhooks.inbox.InboxDeliveries.queuedWork;
import static dev.warden.webhooks.inbox.InboxDeliveries.replay;
import static dev.warden.webhooks.inbox.InboxDeliveries.storedEvents;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.warden.spi.VerifiedWebhook;
import dev.warden.testkit.TestClients;

/**
 * The inbox end to end on a real PostgreSQL and Warden's own outbox worker: a verified event is stored before its
 * 2xx and processed after it, once, however often it is delivered; outcomes, retries, poison events and replays
 * are visible to operators.
 */
@QuarkusTest
class WebhookInboxTest {

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    @Inject
    ScriptedEvents handler;

    @Inject
    WebhookInbox inbox;

    @Test
    void aVerifiedEventIsStoredBeforeTheAnswerAndProcessedAfterIt() throws Exception {
        String eventId = newEventId();
        String body = InboxDeliveries.event("apply");

        String id = deliver(eventId, body).statusCode(202).contentType("application/json")
                .body("status", equalTo("stored")).body("eventId", equalTo(eventId))
                .extract().path("id");

        assertThat(storedEvents(InboxTestPartners.TESTER, eventId)).isEqualTo(1);
        assertThat(queuedWork(InboxTestPartners.TESTER, eventId)).isEqualTo(1);
        await().atMost(PROCESSING).untilAsserted(() -> event(InboxTestPartners.TESTER, id).statusCode(200)
                .body("status", equalTo("processed")));
        event(InboxTestPartners.TESTER, id).body("eventId", equalTo(eventId)).body("type", equalTo("inbox.test"))
                .body("attempts", equalTo(1)).body("processedAt", notNullValue()).body("signedAt", notNullValue())
                .body("payload.data.script", equalTo("apply"));
        assertThat(handler.calls(eventId)).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo(body);
            assertThat(call.partner()).isEqualTo(InboxTestPartners.TESTER);
            assertThat(call.type()).contains("inbox.test");
            assertThat(call.attempt()).isEqualTo(1);
        });
    }

    @Test
    void theBodyIsStoredAsTheBytesThatWereSignedNeverReserialized() throws Exception {
        String eventId = newEventId();
        String body = "{ \"type\" : \"inbox.test\",\n  \"data\": {\"script\":\"apply\","
                + " \"text\": \"caf\u00e9 \\u00e9\"},"
                + " \"n\": 1.50 }";

        deliver(eventId, body).statusCode(202);

        await().atMost(PROCESSING).until(() -> !handler.calls(eventId).isEmpty());
        assertThat(handler.calls(eventId).get(0).body()).isEqualTo(body);
    }

    @Test
    void aRedeliveryIsAnsweredTwoHundredAndNotProcessedAgain() throws Exception {
        String eventId = newEventId();
        String body = InboxDeliveries.event("apply");
        String id = deliver(eventId, body).statusCode(202).extract().path("id");
        await().atMost(PROCESSING).until(() -> handler.calls(eventId).size() == 1);

        // A redelivery is signed again with a new timestamp: the same event, not a replay of the old request.
        deliver(eventId, body).statusCode(200).body("status", equalTo("duplicate")).body("id", equalTo(id));

        assertThat(storedEvents(InboxTestPartners.TESTER, eventId)).isEqualTo(1);
        assertThat(queuedWork(InboxTestPartners.TESTER, eventId)).isEqualTo(1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> handler.calls(eventId).size() == 1);
    }

    @Test
    void threeConcurrentDeliveriesAreStoredOnceProcessedOnceAndAllAnsweredTwoHundreds() throws Exception {
        String eventId = newEventId();
        byte[] body = InboxDeliveries.event("apply").getBytes(StandardCharsets.UTF_8);
        CyclicBarrier start = new CyclicBarrier(3);
        ExecutorService senders = Executors.newFixedThreadPool(3);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                answers.add(senders.submit(() -> {
                    start.await();
                    return deliver(InboxTestPartners.TESTER, InboxTestPartners.NEW_SECRET, eventId, body).extract()
                            .response();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                ids.add(response.path("id"));
            }
            assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(200, 299));
            assertThat(statuses).containsOnlyOnce(202);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            senders.shutdownNow();
        }

        assertThat(storedEvents(InboxTestPartners.TESTER, eventId)).isEqualTo(1);
        assertThat(queuedWork(InboxTestPartners.TESTER, eventId)).isEqualTo(1);
        await().atMost(PROCESSING).until(() -> handler.calls(eventId).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> handler.calls(eventId).size() == 1);
    }

    @Test
    void aRefusedEventIsKeptWithItsReasonAndNotRetried() throws Exception {
        String eventId = newEventId();
        String id = deliver(eventId, InboxDeliveries.event("refuse:no such moderation")).statusCode(202)
                .extract().path("id");

        await().atMost(PROCESSING).untilAsserted(() -> event(InboxTestPartners.TESTER, id)
                .body("status", equalTo("refused")).body("reason", equalTo("no such moderation")));
        events(InboxTestPartners.TESTER, "refused").body("events.id", hasItem(id));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> handler.calls(eventId).size() == 1);
    }

    @Test
    void aPoisonEventFailsAtOnceIsListedAsFailedAndAReplayProcessesIt() {
        String eventId = newEventId();
        String id = deliver(eventId, InboxDeliveries.event("invalid:decision is not allowed")).statusCode(202)
                .extract().path("id");

        await().atMost(PROCESSING).untilAsserted(() -> event(InboxTestPartners.TESTER, id)
                .body("status", equalTo("failed")).body("reason", containsString("decision is not allowed")));
        events(InboxTestPartners.TESTER, "failed").body("events.id", hasItem(id));
        assertThat(handler.calls(eventId)).hasSize(1);

        handler.script(eventId, "apply");
        replay(InboxTestPartners.TESTER, id).statusCode(200).body("status", equalTo("received"))
                .body("replayedAt", notNullValue()).body("reason", nullValue());

        await().atMost(PROCESSING).untilAsserted(() -> event(InboxTestPartners.TESTER, id)
                .body("status", equalTo("processed")).body("attempts", equalTo(2)));
        assertThat(handler.calls(eventId)).hasSize(2);
        replay(InboxTestPartners.TESTER, id).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://warden.dev/problems/webhook-event-not-replayable"));
    }

    @Test
    void aHandlerThatCrashesOnThePayloadShowsAnErrorIdNeverAClassName() throws Exception {
        String eventId = newEventId();
        // ScriptedEvents reads data as an object: a string makes it throw ClassCastException.
        String id = deliver(eventId, "{\"type\":\"inbox.test\",\"timestamp\":\"2026-12-02T02:00:00Z\",\"data\":\"x\"}")
                .statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> event(InboxTestPartners.TESTER, id)
                .body("status", equalTo("failed")));
        String reason = event(InboxTestPartners.TESTER, id).extract().path("reason");
        assertThat(reason).contains("attempt 3 failed: the handler failed unexpectedly (error id ")
                .doesNotContain("java.").doesNotContain("Exception").doesNotContain("ClassLoader");
    }

    @Test
    void aFailingHandlerIsRetriedWithBackoffAndFailsWithItsLastErrorAfterMaxAttempts() throws Exception {
        String eventId = newEventId();
        String id = deliver(eventId, InboxDeliveries.event("fail")).statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> event(InboxTestPartners.TESTER, id)
                .body("status", equalTo("failed")));
        event(InboxTestPartners.TESTER, id).body("attempts", equalTo(3))
                .body("reason", containsString("attempt 3 failed"))
                .body("reason", containsString("scripted failure"))
                .body("reason", containsString("warden.webhooks.max-attempts=3"));
        assertThat(handler.calls(eventId)).hasSize(3);
        assertThat(InboxDeliveries.attemptOutcomes(id)).containsExactly("retry", "retry", "stop");
    }

    @Test
    void aHandlerThatRecoversBeforeMaxAttemptsProcessesTheEvent() {
        String eventId = newEventId();
        String id = deliver(eventId, InboxDeliveries.event("fail-2")).statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> event(InboxTestPartners.TESTER, id)
                .body("status", equalTo("processed")).body("attempts", equalTo(3)).body("error", nullValue()));
        assertThat(handler.calls(eventId)).extracting(call -> call.attempt()).containsExactly(1, 2, 3);
    }

    @Test
    void whileRetryingTheLastErrorIsVisible() {
        String eventId = newEventId();
        String id = deliver(eventId, InboxDeliveries.event("fail")).statusCode(202).extract().path("id");

        await().atMost(PROCESSING).untilAsserted(() -> event(InboxTestPartners.TESTER, id)
                .body("status", equalTo("received")).body("error", containsString("scripted failure")));
    }

    @Test
    void anEventOfAPartnerNoLongerConfiguredFailsWithThatReason() {
        String eventId = newEventId();
        Receipt receipt = inbox.store("removed-partner", new VerifiedWebhook(eventId, Optional.empty()),
                Optional.of("inbox.test"), InboxDeliveries.event("apply")).await().atMost(Duration.ofSeconds(10));

        await().atMost(PROCESSING).untilAsserted(() -> event("removed-partner", receipt.id().toString())
                .statusCode(200).body("status", equalTo("failed"))
                .body("reason", containsString("no longer accepts webhooks")));
    }

    @Test
    void theAdminListingPagesNewestFirstAndFiltersByStatus() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(deliver(InboxTestPartners.ROTATED, InboxTestPartners.NEW_SECRET, newEventId(),
                    InboxDeliveries.event("refuse:page " + i).getBytes(StandardCharsets.UTF_8)).statusCode(202)
                    .extract().path("id"));
        }
        await().atMost(PROCESSING).until(() -> events(InboxTestPartners.ROTATED, "refused").extract()
                .<List<String>>path("events.id").containsAll(ids));

        Response first = given().auth().oauth2(TestClients.ADMIN_KEY)
                .queryParam("limit", "2").get("/v1/webhooks/{partner}/events", InboxTestPartners.ROTATED);
        assertThat(first.statusCode()).isEqualTo(200);
        List<String> page = first.path("events.id");
        assertThat(page).hasSize(2);
        String next = first.path("next");
        assertThat(next).isNotNull();
        List<String> rest = given().auth().oauth2(TestClients.ADMIN_KEY)
                .queryParam("limit", "200").queryParam("cursor", next)
                .get("/v1/webhooks/{partner}/events", InboxTestPartners.ROTATED).then().statusCode(200).extract()
                .path("events.id");
        assertThat(rest).doesNotContainAnyElementsOf(page);
        List<String> newestFirst = new ArrayList<>(page);
        newestFirst.addAll(rest);
        assertThat(newestFirst.indexOf(ids.get(2))).isLessThan(newestFirst.indexOf(ids.get(0)));
        events(InboxTestPartners.ROTATED, "processed").body("events.id", not(hasItem(ids.get(0))));
    }
}
