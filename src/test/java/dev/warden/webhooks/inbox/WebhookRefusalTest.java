package dev.warden.webhooks.inbox;

import static dev.warden.webhooks.inbox.InboxDeliveries.deliver;
import static dev.warden.webhooks.inbox.InboxDeliveries.newEventId;
import static dev.warden.webhooks.inbox.InboxDeliveries.storedEvents;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.warden.testkit.PartnerSignatures;
import dev.warden.testkit.TestClients;

/**
 * Everything the endpoint refuses, refused before it is stored: each answer is problem details with the status the
 * contract names, no event row exists afterwards, and the refusal is counted by partner and reason.
 */
@QuarkusTest
class WebhookRefusalTest {

    private static final String SOME_ID = "6f1c2d3e-0000-4000-8000-000000000000";
    private static final String UNSIGNED_PROBLEM = "https://warden.dev/problems/webhook-signature-refused";

    @Inject
    MeterRegistry metrics;

    @TestHTTPResource("/")
    URL base;

    @Test
    void anUnknownPartnerIsNotFound() {
        String eventId = newEventId();
        double before = rejected(WebhookMetrics.UNKNOWN, "unknown_partner");

        deliver("no-such-partner", InboxTestPartners.NEW_SECRET, eventId, body()).statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://warden.dev/problems/not-found"));

        assertThat(rejected(WebhookMetrics.UNKNOWN, "unknown_partner")).isEqualTo(before + 1);
        assertThat(metrics.find("warden.webhooks.rejected").tag("partner", "no-such-partner").counter()).isNull();
    }

    @Test
    void aPartnerThatTakesNoWebhooksIsNotFound() {
        // The classifier provider "openai" is a partner, but one that never calls back.
        double before = rejected("openai", "unknown_partner");

        deliver("openai", InboxTestPartners.NEW_SECRET, newEventId(), body()).statusCode(404)
                .contentType("application/problem+json");

        assertThat(rejected("openai", "unknown_partner")).isEqualTo(before + 1);
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        String eventId = newEventId();
        byte[] body = oversized();
        double before = rejected(InboxTestPartners.TESTER, "too_large");

        deliver(InboxTestPartners.TESTER, InboxTestPartners.NEW_SECRET, eventId, body).statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://warden.dev/problems/payload-too-large"))
                .body("detail", containsString("warden.webhooks.max-body-size"));

        assertThat(rejected(InboxTestPartners.TESTER, "too_large")).isEqualTo(before + 1);
        assertThat(storedEvents(InboxTestPartners.TESTER, eventId)).isZero();
    }

    /**
     * Only the headers are sent, announcing 2 MB (over warden.limits.max-body-size too, under the HTTP server's hard
     * stop): the answer comes at once, so nothing waited for, let alone buffered, the body, and it is the webhook
     * limit that answered.
     */
    @Test
    void aHugeDeclaredBodyIsRefusedFromTheHeadersAlone() throws Exception {
        double before = rejected(InboxTestPartners.TESTER, "too_large");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST /v1/webhooks/" + InboxTestPartners.TESTER + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
        assertThat(rejected(InboxTestPartners.TESTER, "too_large")).isEqualTo(before + 1);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedToo() throws Exception {
        String eventId = newEventId();
        byte[] body = oversized();
        double before = rejected(InboxTestPartners.TESTER, "too_large");
        HttpRequest.Builder request = HttpRequest
                .newBuilder(URI.create(base + "v1/webhooks/" + InboxTestPartners.TESTER))
                .header("Content-Type", "application/json")
                // No length known in advance: sent chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        PartnerSignatures.headers(InboxTestPartners.NEW_SECRET, eventId, body).forEach(request::header);

        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(rejected(InboxTestPartners.TESTER, "too_large")).isEqualTo(before + 1);
        assertThat(storedEvents(InboxTestPartners.TESTER, eventId)).isZero();
    }

    @Test
    void missingSignatureHeadersAreUnauthorized() throws Exception {
        String eventId = newEventId();
        Map<String, String> headers = new HashMap<>(PartnerSignatures.headers(InboxTestPartners.NEW_SECRET, eventId,
                body()));
        headers.remove("webhook-signature");

        assertRefused(eventId, headers, body(), "missing_signature");
    }

    @Test
    void aSignatureByAnotherSecretIsUnauthorized() throws Exception {
        String eventId = newEventId();
        String stranger = "whsec_c29tZWJvZHktZWxzZXMtc2VjcmV0LTAxMjM0NTY3";

        assertRefused(eventId, PartnerSignatures.headers(stranger, eventId, body()), body(), "bad_signature");
    }

    @Test
    void aBodyChangedAfterSigningIsUnauthorized() throws Exception {
        String eventId = newEventId();
        Map<String, String> headers = PartnerSignatures.headers(InboxTestPartners.NEW_SECRET, eventId, body());
        byte[] changed = body();
        changed[changed.length - 2] ^= 1;

        assertRefused(eventId, headers, changed, "bad_signature");
    }

    @Test
    void aStaleTimestampIsUnauthorized() throws Exception {
        String eventId = newEventId();
        long sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();

        assertRefused(eventId, PartnerSignatures.headers(InboxTestPartners.NEW_SECRET, eventId, sixMinutesAgo, body()),
                body(), "stale_timestamp");
    }

    @Test
    void aFutureTimestampIsUnauthorized() throws Exception {
        String eventId = newEventId();
        long inSixMinutes = Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond();

        assertRefused(eventId, PartnerSignatures.headers(InboxTestPartners.NEW_SECRET, eventId, inSixMinutes, body()),
                body(), "future_timestamp");
    }

    @Test
    void aSecretRemovedFromThePartnerIsUnauthorizedWhileTheNewOneWorks() throws Exception {
        String eventId = newEventId();
        double before = rejected(InboxTestPartners.ROTATED, "bad_signature");

        deliver(InboxTestPartners.ROTATED, InboxTestPartners.OLD_SECRET, eventId, body()).statusCode(401)
                .body("type", equalTo(UNSIGNED_PROBLEM));
        assertThat(storedEvents(InboxTestPartners.ROTATED, eventId)).isZero();
        assertThat(rejected(InboxTestPartners.ROTATED, "bad_signature")).isEqualTo(before + 1);

        deliver(InboxTestPartners.ROTATED, InboxTestPartners.NEW_SECRET, eventId, body()).statusCode(202);
        deliver(InboxTestPartners.TESTER, InboxTestPartners.OLD_SECRET, newEventId(), body()).statusCode(202);
    }

    @Test
    void malformedJsonAfterAValidSignatureIsABadRequest() throws Exception {
        assertMalformed("{\"type\":\"inbox.test\",".getBytes(StandardCharsets.UTF_8));
        assertMalformed("{\"type\":\"inbox.test\"} trailing".getBytes(StandardCharsets.UTF_8));
        assertMalformed("[{\"type\":\"inbox.test\"}]".getBytes(StandardCharsets.UTF_8));
        assertMalformed("null".getBytes(StandardCharsets.UTF_8));
        assertMalformed(new byte[0]);
        assertMalformed(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
    }

    @Test
    void theReceivingEndpointNeedsNoApiKeyButTheInboxNeedsAdmin() {
        given().get("/v1/webhooks/{partner}/events", InboxTestPartners.TESTER).then().statusCode(401)
                .body("type", equalTo("https://warden.dev/problems/unauthorized"));
        given().auth().oauth2(TestClients.MODERATOR_KEY).get("/v1/webhooks/{partner}/events", InboxTestPartners.TESTER)
                .then().statusCode(403);
        given().auth().oauth2(TestClients.MODERATOR_KEY)
                .get("/v1/webhooks/{partner}/events/{id}", InboxTestPartners.TESTER, SOME_ID)
                .then().statusCode(403);
        given().post("/v1/webhooks/{partner}/events/{id}/replay", InboxTestPartners.TESTER,
                SOME_ID).then().statusCode(401);
        given().auth().oauth2(TestClients.MODERATOR_KEY).post("/v1/webhooks/{partner}/events/{id}/replay",
                InboxTestPartners.TESTER, SOME_ID).then().statusCode(403);
    }

    @Test
    void badAdminInputIsAProblemNotAnError() {
        given().auth().oauth2(TestClients.ADMIN_KEY).queryParam("status", "lost")
                .get("/v1/webhooks/{partner}/events", InboxTestPartners.TESTER).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().auth().oauth2(TestClients.ADMIN_KEY).queryParam("cursor", "nope")
                .get("/v1/webhooks/{partner}/events", InboxTestPartners.TESTER).then().statusCode(400);
        given().auth().oauth2(TestClients.ADMIN_KEY)
                .get("/v1/webhooks/{partner}/events/{id}", InboxTestPartners.TESTER, "not-a-uuid").then()
                .statusCode(400);
        given().auth().oauth2(TestClients.ADMIN_KEY)
                .get("/v1/webhooks/{partner}/events/{id}", InboxTestPartners.TESTER, SOME_ID)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestClients.ADMIN_KEY).post("/v1/webhooks/{partner}/events/{id}/replay",
                InboxTestPartners.TESTER, SOME_ID).then().statusCode(404);
    }

    private void assertMalformed(byte[] body) throws Exception {
        String eventId = newEventId();
        double before = rejected(InboxTestPartners.TESTER, "malformed");

        deliver(InboxTestPartners.TESTER, InboxTestPartners.NEW_SECRET, eventId, body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://warden.dev/problems/malformed-json"));

        assertThat(rejected(InboxTestPartners.TESTER, "malformed")).isEqualTo(before + 1);
        assertThat(storedEvents(InboxTestPartners.TESTER, eventId)).isZero();
    }

    private void assertRefused(String eventId, Map<String, String> headers, byte[] body, String reason)
            throws Exception {
        double before = rejected(InboxTestPartners.TESTER, reason);

        ValidatableResponse answer = deliver(InboxTestPartners.TESTER, headers, body);

        answer.statusCode(401).contentType("application/problem+json").body("type", equalTo(UNSIGNED_PROBLEM))
                .body("detail", not(containsString(InboxTestPartners.NEW_SECRET.substring(6))));
        assertThat(rejected(InboxTestPartners.TESTER, reason)).isEqualTo(before + 1);
        assertThat(storedEvents(InboxTestPartners.TESTER, eventId)).isZero();
    }

    private double rejected(String partner, String reason) {
        Counter counter = metrics.find("warden.webhooks.rejected").tag("partner", partner).tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] body() {
        return InboxDeliveries.event("apply").getBytes(StandardCharsets.UTF_8);
    }

    /** A well-formed event just over the test limit (warden.webhooks.max-body-size=16K). */
    private static byte[] oversized() {
        return ("{\"type\":\"inbox.test\",\"data\":{\"padding\":\"" + "x".repeat(17 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
