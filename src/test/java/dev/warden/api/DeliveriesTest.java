package dev.warden.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import dev.warden.client.api.DeliveriesApi;
import dev.warden.client.model.Delivery;
import dev.warden.client.model.DeliveryAttempt;
import dev.warden.client.model.DeliveryList;
import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;
import dev.warden.work.Outbox;
import dev.warden.work.ScriptedWork;

/** {@code /v1/deliveries} with Warden's own outbox worker running, as in production. */
@QuarkusTest
class DeliveriesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Outbox outbox;

    private final DeliveriesApi api = new DeliveriesApi(WardenApi.client(TestClients.ADMIN_KEY));

    @Test
    void listsNewestFirstFilteredAndPagedWithoutPayloads() throws Exception {
        String destination = destination();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(outbox.enqueue(ScriptedWork.work(destination, "done")).await().atMost(WAIT));
        }
        await().atMost(WAIT).until(() -> api.listDeliveries("delivered", destination, null, null, null)
                .getDeliveries().size() == 5);

        List<UUID> listed = new ArrayList<>();
        DeliveryList page = api.listDeliveries("delivered", destination, ScriptedWork.KIND, "2", null);
        int pages = 1;
        listed.addAll(page.getDeliveries().stream().map(Delivery::getId).toList());
        while (page.getNext() != null) {
            page = api.listDeliveries("delivered", destination, ScriptedWork.KIND, "2", page.getNext());
            listed.addAll(page.getDeliveries().stream().map(Delivery::getId).toList());
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        Collections.reverse(ids);
        assertThat(listed).as("newest first").containsExactlyElementsOf(ids);
        assertThat(api.listDeliveries("dead", destination, null, null, null).getDeliveries()).isEmpty();
        assertThat(api.listDeliveries(null, destination, "callback", null, null).getDeliveries()).isEmpty();
        admin().queryParam("destination", destination).get("/v1/deliveries").then().statusCode(200)
                .body("deliveries[0].status", equalTo("delivered"))
                .body("deliveries[0].attemptCount", equalTo(1))
                .body("deliveries[0]", not(hasKey("payload")))
                .body("deliveries[0]", not(hasKey("attempts")))
                .body("$", not(hasKey("next")));
    }

    @Test
    void oneDeliveryShowsItsPayloadAndEveryAttempt() throws Exception {
        UUID id = outbox.enqueue(ScriptedWork.work(destination(), "retry:503", "done")).await().atMost(WAIT);

        Delivery delivery = await().atMost(WAIT).until(() -> api.getDelivery(id.toString()),
                found -> found.getStatus() == Delivery.StatusEnum.DELIVERED);

        assertThat(delivery.getAttemptCount()).isEqualTo(2);
        assertThat(delivery.getFinishedAt()).isNotNull();
        assertThat(delivery.getAttempts()).extracting(DeliveryAttempt::getNumber).containsExactly(1, 2);
        assertThat(delivery.getAttempts()).extracting(DeliveryAttempt::getOutcome)
                .containsExactly(DeliveryAttempt.OutcomeEnum.RETRY, DeliveryAttempt.OutcomeEnum.DONE);
        assertThat(delivery.getAttempts()).extracting(DeliveryAttempt::getHttpStatus).containsExactly(503, 200);
        assertThat(delivery.getAttempts().get(0).getError()).isEqualTo("scripted retry");
        assertThat(delivery.getAttempts()).allSatisfy(attempt -> {
            assertThat(attempt.getStartedAt()).isNotNull();
            assertThat(attempt.getDurationMs()).isNotNegative();
            assertThat(attempt.getWorker()).isNotBlank();
        });
        admin().get("/v1/deliveries/" + id).then().statusCode(200)
                .body("payload.steps", contains("retry:503", "done"))
                .body("kind", equalTo(ScriptedWork.KIND));
    }

    @Test
    void aReplayedDeadDeliveryIsDelivered() throws Exception {
        UUID id = UUID.randomUUID();
        TestDatabase.update("""
                insert into outbox (id, kind, destination, payload, status, attempts, next_attempt_at, created_at,
                    finished_at, last_error, last_http_status)
                values (?, ?, ?, '{"steps": ["retry:503", "done"]}'::jsonb, 'dead', 1, now(),
                    now() - interval '4 days', now() - interval '1 day', 'scripted retry', 503)
                """, id, ScriptedWork.KIND, destination());

        admin().post("/v1/deliveries/" + id + "/replay").then().statusCode(200)
                .body("status", equalTo("pending"))
                .body("replayedAt", notNullValue())
                .body("$", not(hasKey("finishedAt")));

        Delivery delivered = await().atMost(WAIT).until(() -> api.getDelivery(id.toString()),
                found -> found.getStatus() == Delivery.StatusEnum.DELIVERED);
        assertThat(delivered.getAttemptCount()).isEqualTo(2);
        assertThat(delivered.getLastHttpStatus()).isEqualTo(200);
    }

    @Test
    void aPendingDeliveryIsNotReplayed() throws Exception {
        UUID id = UUID.randomUUID();
        TestDatabase.update("""
                insert into outbox (id, kind, destination, payload, status, attempts, next_attempt_at, lease_token,
                    lease_owner, lease_until, created_at)
                values (?, ?, ?, '{"steps": ["done"]}'::jsonb, 'pending', 1, now(), ?, 'other-process',
                    now() + interval '1 hour', now())
                """, id, ScriptedWork.KIND, destination(), UUID.randomUUID());
        try {
            admin().post("/v1/deliveries/" + id + "/replay").then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("https://warden.dev/problems/delivery-pending"));
        } finally {
            TestDatabase.update("update outbox set status = 'stopped' where id = ?", id);
        }
    }

    @Test
    void anUnknownDeliveryIsNotFound() {
        String id = UUID.randomUUID().toString();
        admin().get("/v1/deliveries/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://warden.dev/problems/not-found"));
        admin().post("/v1/deliveries/" + id + "/replay").then().statusCode(404).contentType(PROBLEM);
    }

    @ParameterizedTest
    @CsvSource({ "not-a-uuid", "1-1-1-1-1", "5f0c8a59-3d1e-4d5b-9a43-61c0f2f7a0d2x" })
    void anIdThatIsNotAUuidIsABadRequest(String id) {
        admin().get("/v1/deliveries/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        admin().post("/v1/deliveries/" + id + "/replay").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
    }

    @ParameterizedTest
    @CsvSource({ "status, DEAD", "status, archived", "limit, 0", "limit, 201", "limit, abc",
            "limit, -1", "limit, 99999999999", "cursor, nonsense" })
    void aBadFilterIsABadRequestNamingIt(String parameter, String value) {
        admin().queryParam(parameter, value).get("/v1/deliveries").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://warden.dev/problems/validation"))
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void anOverlongFilterIsABadRequest() {
        admin().queryParam("destination", "d".repeat(257)).get("/v1/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("destination"));
    }

    @Test
    void deliveriesNeedAnAdminKey() {
        String path = "/v1/deliveries/" + UUID.randomUUID();
        given().get("/v1/deliveries").then().statusCode(401).contentType(PROBLEM);
        given().get(path).then().statusCode(401).contentType(PROBLEM);
        given().post(path + "/replay").then().statusCode(401).contentType(PROBLEM);
        for (String key : List.of(TestClients.MODERATOR_KEY, TestClients.REPORTER_KEY)) {
            given().auth().oauth2(key).get("/v1/deliveries").then().statusCode(403).contentType(PROBLEM)
                    .body("detail", equalTo("This operation needs scope 'admin'"));
            given().auth().oauth2(key).get(path).then().statusCode(403);
            given().auth().oauth2(key).post(path + "/replay").then().statusCode(403);
        }
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestClients.ADMIN_KEY);
    }

    private static String destination() {
        return "test:" + UUID.randomUUID().toString().substring(0, 8);
    }
}
