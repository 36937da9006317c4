package dev.warden.webhooks;

import static dev.warden.webhooks.StandardWebhooksTest.VECTOR_BODY;
import static dev.warden.webhooks.StandardWebhooksTest.VECTOR_ID;
import static dev.warden.webhooks.StandardWebhooksTest.VECTOR_SECRET;
import static dev.warden.webhooks.StandardWebhooksTest.VECTOR_SIGNATURE;
import static dev.warden.webhooks.StandardWebhooksTest.VECTOR_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warden.spi.InboundWebhook;
import dev.warden.spi.VerifiedWebhook;
import dev.warden.spi.WebhookRejected;
import dev.warden.spi.WebhookRejected.Reason;

/** The inbound verifier on the Standard Webhooks test vector (vendor-apis.md §7.4), its clock frozen near it. */
class StandardWebhooksVerifierTest {

    private static final Instant VECTOR_TIME = Instant.ofEpochSecond(VECTOR_TIMESTAMP);
    private static final WebhookSecret VECTOR_KEY = WebhookSecret.parse(VECTOR_SECRET);
    private static final WebhookSecret NEXT_KEY = WebhookSecret.parse("whsec_" + Base64.getEncoder()
            .encodeToString("the-next-secret-after-a-rotation".getBytes(StandardCharsets.UTF_8)));

    @Test
    void theTestVectorVerifies() {
        VerifiedWebhook verified = verify(at(VECTOR_TIME.plusSeconds(7)), vector());

        assertThat(verified.eventId()).isEqualTo(VECTOR_ID);
        assertThat(verified.signedAt()).contains(VECTOR_TIME);
    }

    @Test
    void oneChangedByteInTheBodyIsABadSignature() {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        body[body.length - 3] ^= 1;

        assertRejected(Reason.BAD_SIGNATURE, webhook(headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE), body));
    }

    @Test
    void oneChangedByteInTheIdIsABadSignature() {
        assertRejected(Reason.BAD_SIGNATURE,
                webhook(headers("msg_2KWPBgLlAfxdpx2AI54pPJ85f4X", VECTOR_TIMESTAMP, VECTOR_SIGNATURE)));
    }

    @Test
    void oneChangedDigitInTheTimestampIsABadSignature() {
        assertRejected(Reason.BAD_SIGNATURE, webhook(headers(VECTOR_ID, VECTOR_TIMESTAMP + 1, VECTOR_SIGNATURE)));
    }

    @Test
    void aTimestampOverFiveMinutesOldIsStale() {
        Clock later = at(VECTOR_TIME.plus(Duration.ofMinutes(5)).plusSeconds(1));

        assertThatThrownBy(() -> verify(later, vector())).isInstanceOfSatisfying(WebhookRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(Reason.STALE_TIMESTAMP));
        assertThat(verify(at(VECTOR_TIME.plus(Duration.ofMinutes(5))), vector()).eventId()).isEqualTo(VECTOR_ID);
    }

    @Test
    void aTimestampOverFiveMinutesAheadIsFromTheFuture() {
        Clock earlier = at(VECTOR_TIME.minus(Duration.ofMinutes(5)).minusSeconds(1));

        assertThatThrownBy(() -> verify(earlier, vector())).isInstanceOfSatisfying(WebhookRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(Reason.FUTURE_TIMESTAMP));
    }

    @Test
    void duringARotationEitherSecretVerifiesAndARemovedOneNoLonger() {
        String nextSignature = StandardWebhooks.signature(List.of(NEXT_KEY), VECTOR_ID, VECTOR_TIMESTAMP,
                VECTOR_BODY.getBytes(StandardCharsets.UTF_8));
        StandardWebhooksVerifier rotating = new StandardWebhooksVerifier(List.of(VECTOR_KEY, NEXT_KEY),
                at(VECTOR_TIME));
        StandardWebhooksVerifier rotated = new StandardWebhooksVerifier(List.of(NEXT_KEY), at(VECTOR_TIME));

        assertThat(rotating.verify(vector()).await().indefinitely().eventId()).isEqualTo(VECTOR_ID);
        assertThat(rotating.verify(webhook(headers(VECTOR_ID, VECTOR_TIMESTAMP, nextSignature))).await()
                .indefinitely().eventId()).isEqualTo(VECTOR_ID);
        assertThat(rotated.verify(webhook(headers(VECTOR_ID, VECTOR_TIMESTAMP, nextSignature))).await()
                .indefinitely().eventId()).isEqualTo(VECTOR_ID);
        assertThatThrownBy(() -> rotated.verify(vector()).await().indefinitely())
                .isInstanceOfSatisfying(WebhookRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void unknownVersionsAndGarbageEntriesAreIgnoredBesideAGoodOne() {
        String header = "v1a,c2lnbmVk v2,abc v1,!!!not-base64!!! " + VECTOR_SIGNATURE + " v1,AAAA";

        assertThat(verify(at(VECTOR_TIME), webhook(headers(VECTOR_ID, VECTOR_TIMESTAMP, header))).eventId())
                .isEqualTo(VECTOR_ID);
        assertRejected(Reason.BAD_SIGNATURE,
                webhook(headers(VECTOR_ID, VECTOR_TIMESTAMP, "v1a,c2lnbmVk v1,!!!not-base64!!!")));
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, String> shouting = new HashMap<>();
        shouting.put("Webhook-Id", VECTOR_ID);
        shouting.put("WEBHOOK-TIMESTAMP", Long.toString(VECTOR_TIMESTAMP));
        shouting.put("webhook-Signature", VECTOR_SIGNATURE);

        assertThat(verify(at(VECTOR_TIME), webhook(shouting)).eventId()).isEqualTo(VECTOR_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = { "webhook-id", "webhook-timestamp", "webhook-signature" })
    void aMissingHeaderIsAMissingSignature(String missing) {
        Map<String, String> headers = headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE);
        headers.remove(missing);

        assertRejected(Reason.MISSING_SIGNATURE, webhook(headers));
    }

    @ParameterizedTest
    @ValueSource(strings = { "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1674087231.5",
            "" })
    void anAbsurdTimestampIsRejectedWithoutCrashing(String timestamp) {
        Map<String, String> headers = headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE);
        headers.put("webhook-timestamp", timestamp);

        assertThatThrownBy(() -> verify(at(VECTOR_TIME), webhook(headers))).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void aMessageIdWithAFullStopIsRefused() {
        assertRejected(Reason.BAD_SIGNATURE, webhook(headers("msg.1", VECTOR_TIMESTAMP, VECTOR_SIGNATURE)));
    }

    private static void assertRejected(Reason reason, InboundWebhook webhook) {
        assertThatThrownBy(() -> verify(at(VECTOR_TIME), webhook)).isInstanceOfSatisfying(WebhookRejected.class,
                rejected -> {
                    assertThat(rejected.reason()).isEqualTo(reason);
                    assertThat(rejected.getMessage()).doesNotContain(VECTOR_SECRET.substring(6));
                });
    }

    private static VerifiedWebhook verify(Clock clock, InboundWebhook webhook) {
        return new StandardWebhooksVerifier(List.of(VECTOR_KEY), clock).verify(webhook).await().indefinitely();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static InboundWebhook vector() {
        return webhook(headers(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE));
    }

    private static InboundWebhook webhook(Map<String, String> headers) {
        return webhook(headers, VECTOR_BODY.getBytes(StandardCharsets.UTF_8));
    }

    private static InboundWebhook webhook(Map<String, String> headers, byte[] body) {
        return new InboundWebhook("vector-partner", headers, Map.of(), body);
    }

    private static Map<String, String> headers(String id, long timestamp, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        return headers;
    }
}
