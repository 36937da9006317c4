package dev.warden.work;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.OutboxWorkerOff;
import dev.warden.testkit.PartnerSignatures;
import dev.warden.testkit.TestClients;
import dev.warden.webhooks.inbox.InboxTestPartners;
import dev.warden.webhooks.inbox.ScriptedEvents;

/**
 * An acknowledged partner event outlives the process that acknowledged it. With no worker running (Warden's own is
 * off in this profile) the event is answered 202 and waits; a process that claimed it then dies holding its lease;
 * a worker started afterwards (the restarted Warden) takes it over when the lease expires and processes it, once.
 * The packaged SIGKILL test of this needs a partner configured in the jar (warden.partners.*).
 */
@QuarkusTest
@TestProfile(OutboxWorkerOff.class)
class InboxRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;
    @Inject
    WorkHandlers handlers;
    @Inject
    OutboxMetrics metrics;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    ScriptedEvents events;

    @Test
    void anEventAcknowledgedBeforeACrashIsProcessedOnceAfterTheRestart() throws Exception {
        String eventId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = "{\"type\":\"inbox.test\",\"data\":{\"script\":\"apply\"}}".getBytes(StandardCharsets.UTF_8);
        String id = given().headers(PartnerSignatures.headers(InboxTestPartners.NEW_SECRET, eventId, body))
                .contentType("application/json").body(body).post("/v1/webhooks/" + InboxTestPartners.TESTER)
                .then().statusCode(202).extract().path("id");
        UUID work = TestDatabase.queryOne(UUID.class, "select work_id from webhook_event where id = ?",
                UUID.fromString(id));
        // The process that acknowledged it claimed it, and was killed before it recorded anything.
        assertThat(TestDatabase.update("update outbox set attempts = 1, lease_token = gen_random_uuid(),"
                + " lease_owner = 'killed-warden', lease_until = now() + interval '2 seconds' where id = ?", work))
                .isEqualTo(1);
        assertThat(events.calls(eventId)).isEmpty();

        OutboxWorker restarted = new OutboxWorker(outbox, handlers, TestOutboxSettings.fast(), metrics, pool, vertx,
                OutboxProcess.workerId());
        restarted.start();
        try {
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestClients.ADMIN_KEY)
                    .get("/v1/webhooks/{partner}/events/{id}", InboxTestPartners.TESTER, id).then().statusCode(200)
                    .body("status", equalTo("processed")));
        } finally {
            restarted.stop().await().atMost(WAIT);
        }
        assertThat(events.calls(eventId)).hasSize(1);
        assertThat(outcomes(work)).containsExactly("lost", "done");
    }

    private static List<String> outcomes(UUID work) throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int number = 1; number <= 2; number++) {
            outcomes.add(TestDatabase.queryOne(String.class,
                    "select outcome from outbox_attempt where outbox_id = ? and number = ?", work, number));
        }
        return outcomes;
    }
}
