package dev.warden.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.work.Delivery;
import dev.warden.work.DeliveryStatus;
import dev.warden.work.NewWork;
import dev.warden.work.Outbox;
import dev.warden.work.WorkItem;

/**
 * End to end through the outbox: a callback row queued with {@link Outbox#enqueue} is picked up by Warden's own
 * worker and delivered by {@link CallbackDelivery} to a receiver on loopback, signed so that a verifier written from
 * the spec accepts it with either secret of the rotation.
 */
@QuarkusTest
class CallbackOutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static WireMockServer receiver;

    @Inject
    Outbox outbox;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(wireMockConfig().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void reset() {
        receiver.resetAll();
    }

    private UUID enqueue(String path) {
        WorkItem row = CallbackDeliveryTest.callback(CallbackDeliveryTest.TESTER,
                CallbackDeliveryTest.url(receiver, path));
        return outbox.enqueue(new NewWork(CallbackDelivery.KIND, row.destination(), row.subjectId().orElseThrow(),
                row.payload())).await().atMost(WAIT);
    }

    private Delivery awaitStatus(UUID id, DeliveryStatus status) {
        await().atMost(WAIT).until(() -> find(id).status() == status);
        return find(id);
    }

    private Delivery find(UUID id) {
        return outbox.find(id).await().atMost(WAIT).orElseThrow();
    }

    /**
     * Every request the receiver got for the row: the row's message id, signed so that each secret of the rotation
     * verifies it alone. Delivery is at least once: an attempt that ran out of time after its request arrived is
     * retried, so there is one request per attempt at most, not exactly.
     */
    private static List<LoggedRequest> signedRequests(UUID id, Delivery delivery) throws Exception {
        List<LoggedRequest> requests = receiver.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).isNotEmpty().hasSizeLessThanOrEqualTo(delivery.attemptLog().size());
        for (LoggedRequest request : requests) {
            assertThat(request.getHeader("webhook-id")).isEqualTo("msg_" + id);
            for (String secret : CallbackDeliveryTest.TESTER_SECRETS) {
                assertThat(SpecVerifier.verifies(secret, request.getHeader("webhook-id"),
                        request.getHeader("webhook-timestamp"), request.getBody(),
                        request.getHeader("webhook-signature"), Instant.now())).isTrue();
            }
        }
        return requests;
    }

    private static Delivery.Attempt last(Delivery delivery) {
        return delivery.attemptLog().get(delivery.attemptLog().size() - 1);
    }

    @Test
    void aQueuedCallbackIsDeliveredAndVerifies() throws Exception {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));

        UUID id = enqueue("/hooks");

        Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);
        assertThat(last(delivery).outcome()).isEqualTo("done");
        assertThat(last(delivery).httpStatus()).contains(200);
        signedRequests(id, delivery);
    }

    @Test
    void anUnavailableReceiverIsRetriedUntilItTakesTheCallback() throws Exception {
        receiver.stubFor(post(anyUrl()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        receiver.stubFor(post(anyUrl()).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));

        UUID id = enqueue("/hooks");

        Delivery delivery = awaitStatus(id, DeliveryStatus.DELIVERED);
        assertThat(delivery.attemptLog()).extracting(Delivery.Attempt::outcome).startsWith("retry").endsWith("done");
        assertThat(delivery.attemptLog()).anySatisfy(attempt -> {
            assertThat(attempt.httpStatus()).contains(503);
            assertThat(attempt.error()).contains("the receiver answered 503");
        });
        assertThat(signedRequests(id, delivery)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void goneStopsTheRow() throws Exception {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(410)));

        UUID id = enqueue("/hooks");

        Delivery delivery = awaitStatus(id, DeliveryStatus.STOPPED);
        assertThat(last(delivery).outcome()).isEqualTo("stop");
        assertThat(delivery.lastHttpStatus()).contains(410);
        assertThat(delivery.lastError()).contains("the receiver answered 410 Gone: callbacks to it stopped");
        signedRequests(id, delivery);
    }
}
