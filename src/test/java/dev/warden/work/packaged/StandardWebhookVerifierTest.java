package dev.warden.work.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The test's own verifier against the Standard Webhooks test vector (vendor-apis.md §7.4), and what it refuses. */
class StandardWebhookVerifierTest {

    private static final String SECRET = "whsec_Z2F0ZXdheS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm";
    private static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static final String TIMESTAMP = "1674087231";
    private static final byte[] BODY = ("{\"type\":\"moderation.completed\",\"timestamp\":\"2023-01-19T00:13:51Z\","
            + "\"data\":{\"id\":\"job_123\",\"verdict\":\"flag\"}}").getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,4O3x8erJwlKOaYJx3nl0YnnX+BQ0cfuOqCDEQP/ppzM=";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1674087231);

    private final StandardWebhookVerifier verifier = new StandardWebhookVerifier(SECRET);

    @Test
    void theTestVectorVerifies() {
        assertThat(verifier.verifies(ID, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT)).isTrue();
    }

    @Test
    void anyV1EntryMayMatchAndOtherVersionsAreIgnored() {
        String rotated = "v1a,c2lnbmVkLXdpdGgtZWQyNTUxOQ== v1,b2xkLXNlY3JldC1zaWduYXR1cmU= " + SIGNATURE;

        assertThat(verifier.verifies(ID, TIMESTAMP, rotated, BODY, SIGNED_AT)).isTrue();
        assertThat(verifier.verifies(ID, TIMESTAMP, "v1a," + SIGNATURE.substring(3), BODY, SIGNED_AT)).isFalse();
    }

    @Test
    void aChangedBodyIdOrTimestampDoesNotVerify() {
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("flag", "pass")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.verifies(ID, TIMESTAMP, SIGNATURE, changed, SIGNED_AT)).isFalse();
        assertThat(verifier.verifies(ID + "x", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT)).isFalse();
        assertThat(verifier.verifies(ID, "1674087232", SIGNATURE, BODY, SIGNED_AT)).isFalse();
    }

    @Test
    void anotherSecretDoesNotVerify() {
        StandardWebhookVerifier other = new StandardWebhookVerifier("whsec_b3RoZXItc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=");

        assertThat(other.verifies(ID, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT)).isFalse();
    }

    @Test
    void aTimestampOutsideFiveMinutesIsRefusedEitherWay() {
        assertThat(verifier.verifies(ID, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(300))).isTrue();
        assertThat(verifier.verifies(ID, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(301))).isFalse();
        assertThat(verifier.verifies(ID, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.minusSeconds(301))).isFalse();
        assertThat(verifier.verifies(ID, "not-a-number", SIGNATURE, BODY, SIGNED_AT)).isFalse();
    }

    @Test
    void missingHeadersDoNotVerify() {
        assertThat(verifier.verifies(null, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT)).isFalse();
        assertThat(verifier.verifies(ID, null, SIGNATURE, BODY, SIGNED_AT)).isFalse();
        assertThat(verifier.verifies(ID, TIMESTAMP, null, BODY, SIGNED_AT)).isFalse();
    }
}
