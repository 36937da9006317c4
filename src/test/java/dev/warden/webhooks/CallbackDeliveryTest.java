package dev.warden.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.warden.work.AttemptResult;
import dev.warden.work.WorkItem;

/**
 * One delivery attempt against receivers on loopback (WireMock, or a raw socket where WireMock cannot misbehave
 * enough): what is sent and how it is signed, and how every kind of answer or failure is judged.
 */
@QuarkusTest
class CallbackDeliveryTest {

    static final String TESTER = "callback-tester";
    static final List<String> TESTER_SECRETS = List.of(
            "whsec_Y2FsbGJhY2stdGVzdGVyLXNlY3JldC1vbmUtMDEyMzQ1Njc4OQ==",
            "whsec_Y2FsbGJhY2stdGVzdGVyLXNlY3JldC10d28tOTg3NjU0MzIxMA==");
    /**
     * The {@code %test} {@code warden.callbacks.timeout} (generous, so a cold start on a loaded two-core machine does
     * not time out), and what such a machine may add to it.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration MARGIN = Duration.ofSeconds(3);
    static final Duration WAIT = Duration.ofSeconds(20);

    static WireMockServer receiver;
    static WireMockServer other;

    @Inject
    CallbackDelivery delivery;

    @BeforeAll
    static void startReceivers() {
        receiver = new WireMockServer(wireMockConfig().dynamicPort());
        receiver.start();
        other = new WireMockServer(wireMockConfig().dynamicPort());
        other.start();
    }

    @AfterAll
    static void stopReceivers() {
        receiver.stop();
        other.stop();
    }

    @BeforeEach
    void reset() {
        receiver.resetAll();
        other.resetAll();
    }

    static WorkItem callback(String client, String url) {
        JsonObject event = new JsonObject().put("type", "moderation.completed").put("timestamp", "2026-03-01T12:00:00Z")
                .put("data", new JsonObject().put("id", UUID.randomUUID().toString()).put("status", "completed")
                        .put("decision", "allow").put("note", "ünïcode, \"quotes\" and </script>"));
        JsonObject payload = new JsonObject().put("client", client).put("url", url).put("event", event);
        return new WorkItem(UUID.randomUUID(), CallbackDelivery.KIND, "callback:" + client,
                Optional.of(UUID.randomUUID()), payload, 1, Instant.now());
    }

    AttemptResult attempt(WorkItem item) {
        return delivery.attempt(item).await().atMost(WAIT);
    }

    static String url(WireMockServer server, String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    void answer(ResponseDefinitionBuilder response) {
        receiver.stubFor(post(anyUrl()).willReturn(response));
    }

    @Test
    void postsTheEventSignedWithEveryCurrentSecret() throws Exception {
        answer(aResponse().withStatus(200));
        WorkItem item = callback(TESTER, url(receiver, "/hooks/warden?tenant=7"));
        long before = Instant.now().getEpochSecond();

        AttemptResult result = attempt(item);

        assertThat(result).isEqualTo(new AttemptResult.Done(Optional.of(200)));
        List<LoggedRequest> requests = receiver.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getUrl()).isEqualTo("/hooks/warden?tenant=7");
        assertThat(request.getHeader("content-type")).isEqualTo("application/json");
        assertThat(request.getHeader("webhook-id")).isEqualTo("msg_" + item.id());
        long timestamp = Long.parseLong(request.getHeader("webhook-timestamp"));
        assertThat(timestamp).isBetween(before, Instant.now().getEpochSecond());
        assertThat(new JsonObject(request.getBodyAsString())).isEqualTo(item.payload().getJsonObject("event"));
        String signature = request.getHeader("webhook-signature");
        assertThat(signature.split(" ")).hasSize(2).allSatisfy(entry -> assertThat(entry).startsWith("v1,"));
        for (String secret : TESTER_SECRETS) {
            assertThat(SpecVerifier.verifies(secret, request.getHeader("webhook-id"),
                    request.getHeader("webhook-timestamp"), request.getBody(), signature, Instant.now()))
                    .as("verifies with one secret alone").isTrue();
        }
        assertThat(SpecVerifier.verifies(StandardWebhooksTest.VECTOR_SECRET, request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"), request.getBody(), signature, Instant.now())).isFalse();
    }

    @Test
    void theMessageIdIsStableAcrossAttemptsAndTheTimestampIsEachAttempts() {
        answer(aResponse().withStatus(503));
        WorkItem first = callback(TESTER, url(receiver, "/hooks"));
        WorkItem second = new WorkItem(first.id(), first.kind(), first.destination(), first.subjectId(),
                first.payload(), 2, first.createdAt());

        attempt(first);
        attempt(second);

        List<LoggedRequest> requests = receiver.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).extracting(request -> request.getHeader("webhook-id"))
                .containsExactly("msg_" + first.id(), "msg_" + first.id());
    }

    @Test
    void anyTwoHundredIsDone() {
        answer(aResponse().withStatus(204));

        assertThat(attempt(callback(TESTER, url(receiver, "/hooks")))).isEqualTo(new AttemptResult.Done(
                Optional.of(204)));
    }

    @Test
    void goneStops() {
        answer(aResponse().withStatus(410));

        assertThat(attempt(callback(TESTER, url(receiver, "/hooks")))).isEqualTo(new AttemptResult.Stop(
                Optional.of(410), "the receiver answered 410 Gone: callbacks to it stopped"));
    }

    @Test
    void unavailableIsRetriedWhenTheReceiverAsks() {
        answer(aResponse().withStatus(503).withHeader("Retry-After", "120"));

        assertThat(attempt(callback(TESTER, url(receiver, "/hooks")))).isEqualTo(new AttemptResult.Retry(
                Optional.of(503), "the receiver answered 503", Optional.of(Duration.ofSeconds(120))));
    }

    @Test
    void throttledIsRetriedAfterTheDateTheReceiverGives() {
        String inFiveMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(5));
        answer(aResponse().withStatus(429).withHeader("Retry-After", inFiveMinutes));

        AttemptResult.Retry retry = (AttemptResult.Retry) attempt(callback(TESTER, url(receiver, "/hooks")));

        assertThat(retry.httpStatus()).contains(429);
        assertThat(retry.error()).isEqualTo("the receiver answered 429");
        assertThat(retry.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
    }

    @Test
    void aRejectionIsRetriedWithoutAWait() {
        answer(aResponse().withStatus(400).withHeader("Retry-After", "soon"));

        assertThat(attempt(callback(TESTER, url(receiver, "/hooks")))).isEqualTo(new AttemptResult.Retry(
                Optional.of(400), "the receiver answered 400", Optional.empty()));
    }

    @Test
    void aSlowReceiverIsCutOffAtTheTimeoutAndRetried() {
        answer(aResponse().withStatus(200).withFixedDelay((int) TIMEOUT.plus(MARGIN).toMillis()));
        Instant start = Instant.now();

        AttemptResult result = attempt(callback(TESTER, url(receiver, "/hooks")));

        assertThat(result).isEqualTo(new AttemptResult.Retry(Optional.empty(), "no answer within " + TIMEOUT.toMillis() + " ms",
                Optional.empty()));
        assertThat(Duration.between(start, Instant.now())).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.plus(MARGIN));
    }

    @Test
    void aRefusedConnectionIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThat(attempt(callback(TESTER, "http://127.0.0.1:" + closedPort + "/hooks"))).isEqualTo(
                new AttemptResult.Retry(Optional.empty(), "receiver unreachable (connection refused)",
                        Optional.empty()));
    }

    @Test
    void garbageInsteadOfHttpIsRetried() {
        answer(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

        AttemptResult result = attempt(callback(TESTER, url(receiver, "/hooks")));

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Retry.class, retry -> {
            assertThat(retry.httpStatus()).isEmpty();
            assertThat(retry.error()).doesNotContain("127.0.0.1").doesNotContain(String.valueOf(receiver.port()));
        });
    }

    @Test
    void anEndlessAnswerIsReadOnlyUpToTheLimitAndItsStatusCounts() throws Exception {
        try (EndlessReceiver endless = new EndlessReceiver("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", true)) {
            AttemptResult result = attempt(callback(TESTER, "http://127.0.0.1:" + endless.port() + "/hooks"));

            assertThat(result).isEqualTo(new AttemptResult.Done(Optional.of(200)));
            assertThat(endless.dropped().await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("Warden dropped the connection instead of reading on").isTrue();
        }
    }

    @Test
    void anAnnouncedHugeAnswerIsNotReadAtAll() throws Exception {
        try (EndlessReceiver endless = new EndlessReceiver("HTTP/1.1 503 Service Unavailable\r\n"
                + "Content-Length: 1000000000", false)) {
            AttemptResult result = attempt(callback(TESTER, "http://127.0.0.1:" + endless.port() + "/hooks"));

            assertThat(result).isEqualTo(new AttemptResult.Retry(Optional.of(503), "the receiver answered 503",
                    Optional.empty()));
            assertThat(endless.dropped().await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRedirectIsAFailedAttemptAndIsNeverFollowed() {
        answer(aResponse().withStatus(302).withHeader("Location", url(other, "/elsewhere")));
        other.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));

        AttemptResult result = attempt(callback(TESTER, url(receiver, "/hooks")));

        assertThat(result).isEqualTo(new AttemptResult.Retry(Optional.of(302),
                "the receiver answered 302, a redirect, which Warden never follows", Optional.empty()));
        assertThat(other.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRedirectToTheMetadataServiceIsNotFollowed() {
        answer(aResponse().withStatus(307).withHeader("Location", "http://169.254.169.254/latest/meta-data/iam/"));

        AttemptResult result = attempt(callback(TESTER, url(receiver, "/hooks")));

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Retry.class,
                retry -> assertThat(retry.httpStatus()).contains(307));
        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aMalformedRowStops() {
        WorkItem item = new WorkItem(UUID.randomUUID(), CallbackDelivery.KIND, "callback:" + TESTER,
                Optional.empty(), new JsonObject().put("client", TESTER), 1, Instant.now());

        assertThat(attempt(item)).isEqualTo(new AttemptResult.Stop(Optional.empty(),
                "the callback row's payload lacks its client, url or event"));
    }
}
