package dev.warden.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signer against the Standard Webhooks test vector (vendor-apis.md §7.4), and what a secret must look like. */
class StandardWebhooksTest {

    static final String VECTOR_SECRET = "whsec_Z2F0ZXdheS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm";
    static final String VECTOR_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    static final long VECTOR_TIMESTAMP = 1674087231L;
    static final String VECTOR_BODY = "{\"type\":\"moderation.completed\",\"timestamp\":\"2023-01-19T00:13:51Z\","
            + "\"data\":{\"id\":\"job_123\",\"verdict\":\"flag\"}}";
    static final String VECTOR_SIGNATURE = "v1,4O3x8erJwlKOaYJx3nl0YnnX+BQ0cfuOqCDEQP/ppzM=";

    @Test
    void signsTheTestVector() {
        String signature = StandardWebhooks.signature(List.of(WebhookSecret.parse(VECTOR_SECRET)), VECTOR_ID,
                VECTOR_TIMESTAMP, VECTOR_BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void signsWithEverySecretDuringARotationInTheirOrder() {
        WebhookSecret other = WebhookSecret.parse("whsec_" + Base64.getEncoder()
                .encodeToString("another-secret-of-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8)));

        String signature = StandardWebhooks.signature(List.of(other, WebhookSecret.parse(VECTOR_SECRET)),
                VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY.getBytes(StandardCharsets.UTF_8));

        String[] entries = signature.split(" ");
        assertThat(entries).hasSize(2);
        assertThat(entries[0]).startsWith("v1,").isNotEqualTo(VECTOR_SIGNATURE);
        assertThat(entries[1]).isEqualTo(VECTOR_SIGNATURE);
    }

    /** The test's own verifier must be right too, or agreeing with it proves nothing. */
    @Test
    void theSpecVerifierAcceptsTheTestVectorAndNothingElse() throws Exception {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);
        Instant sentAt = Instant.ofEpochSecond(VECTOR_TIMESTAMP);
        String timestamp = Long.toString(VECTOR_TIMESTAMP);

        assertThat(SpecVerifier.verifies(VECTOR_SECRET, VECTOR_ID, timestamp, body, VECTOR_SIGNATURE, sentAt))
                .isTrue();
        assertThat(SpecVerifier.verifies(VECTOR_SECRET, VECTOR_ID, timestamp, body,
                "v1a,ignored " + VECTOR_SIGNATURE, sentAt.plusSeconds(299))).isTrue();
        assertThat(SpecVerifier.verifies(VECTOR_SECRET, VECTOR_ID, timestamp,
                VECTOR_BODY.replace("flag", "pass").getBytes(StandardCharsets.UTF_8), VECTOR_SIGNATURE, sentAt))
                .isFalse();
        assertThat(SpecVerifier.verifies(VECTOR_SECRET, "msg_other", timestamp, body, VECTOR_SIGNATURE, sentAt))
                .isFalse();
        assertThat(SpecVerifier.verifies(VECTOR_SECRET, VECTOR_ID, timestamp, body, VECTOR_SIGNATURE,
                sentAt.plus(Duration.ofMinutes(6)))).isFalse();
    }

    @Test
    void neverSignsWithoutASecret() {
        assertThatThrownBy(() -> StandardWebhooks.signature(List.of(), VECTOR_ID, VECTOR_TIMESTAMP, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretKeepsItsValueOutOfItsText() {
        assertThat(WebhookSecret.parse(VECTOR_SECRET).toString()).doesNotContain("Z2F0ZXdheS").contains("36 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Z2F0ZXdheS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm", // no prefix
            "whsec_not*base64!", // not base64
            "whsec_c2hvcnQtc2VjcmV0", // 12 bytes
            "whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=", // 65
            "" })
    void refusesWhatIsNotASecretWithoutRepeatingIt(String text) {
        assertThatThrownBy(() -> WebhookSecret.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(failure -> {
                    if (!text.isEmpty()) {
                        assertThat(failure.getMessage()).doesNotContain(text.replace("whsec_", ""));
                    }
                });
    }
}
