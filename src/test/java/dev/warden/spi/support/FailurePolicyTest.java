package dev.warden.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.RetryAfter;
import dev.warden.spi.VendorResponse;

class FailurePolicyTest {

    private static final String TEXT = "call me at 555-0100 wdn-canary-7f3a";
    private static final String KEY = "sk-secret-0123456789";
    private static final ConfidentialText SENT = ConfidentialText.of(
            new ClassificationInput(List.of(new ContentPart.Text(TEXT))), KEY);

    private static final FailurePolicy DEFAULTS = FailurePolicy.builder("Acme")
            .errors(response -> VendorError.fromJson(response, "/error/code", "/error/message")).build();

    private static VendorResponse answer(int status, String body, String... headers) {
        Map<String, List<String>> all = new java.util.HashMap<>();
        all.put("Content-Type", List.of("application/json"));
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], List.of(headers[i + 1]));
        }
        return new VendorResponse(status, all, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({ "400,BAD_REQUEST", "401,AUTH", "403,AUTH", "404,BAD_REQUEST", "408,TIMEOUT", "409,BAD_REQUEST",
            "413,BAD_REQUEST", "415,BAD_REQUEST", "422,BAD_REQUEST", "418,BAD_REQUEST", "429,RATE_LIMITED",
            "500,UNAVAILABLE", "502,UNAVAILABLE", "503,UNAVAILABLE", "504,UNAVAILABLE", "599,UNAVAILABLE",
            "302,INVALID_RESPONSE", "101,INVALID_RESPONSE", "200,INVALID_RESPONSE" })
    void statusDefaults(int status, Kind expected) {
        assertThat(DEFAULTS.classify(answer(status, "{}"), SENT).kind()).isEqualTo(expected);
    }

    @Test
    void aRateLimitCarriesTheRetryAfterHeaderAndOtherKindsDoNot() {
        assertThat(DEFAULTS.classify(answer(429, "{}", "Retry-After", "7"), SENT).retryAfter())
                .contains(Duration.ofSeconds(7));
        assertThat(DEFAULTS.classify(answer(429, "{}"), SENT).retryAfter()).isEmpty();
        assertThat(DEFAULTS.classify(answer(503, "{}", "Retry-After", "7"), SENT).retryAfter()).isEmpty();
    }

    @Test
    void aVendorRetryAfterReaderReplacesTheHeader() {
        FailurePolicy policy = FailurePolicy.builder("Acme")
                .retryAfter(response -> response.header("retry-after-ms").flatMap(RetryAfter::parseMillis)).build();

        assertThat(policy.classify(answer(429, "{}", "retry-after-ms", "1500", "Retry-After", "9"), SENT)
                .retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void aCodeForAStatusWinsOverACodeWhichWinsOverAStatus() {
        FailurePolicy policy = FailurePolicy.builder("Acme")
                .errors(response -> VendorError.fromJson(response, "/error/code", "/error/message"))
                .status(404, Kind.UNAVAILABLE)
                .code("ThrottlingException", Kind.RATE_LIMITED)
                .code(429, "insufficient_quota", Kind.AUTH)
                .build();

        assertThat(policy.classify(answer(400, "{\"error\":{\"code\":\"ThrottlingException\"}}"), SENT).kind())
                .isEqualTo(Kind.RATE_LIMITED);
        assertThat(policy.classify(answer(429, "{\"error\":{\"code\":\"insufficient_quota\"}}"), SENT).kind())
                .isEqualTo(Kind.AUTH);
        assertThat(policy.classify(answer(400, "{\"error\":{\"code\":\"insufficient_quota\"}}"), SENT).kind())
                .isEqualTo(Kind.BAD_REQUEST);
        assertThat(policy.classify(answer(404, "{}"), SENT).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(policy.kindForCode("ThrottlingException")).contains(Kind.RATE_LIMITED);
        assertThat(policy.kindForCode("insufficient_quota")).isEmpty();
    }

    @Test
    void theMessageNamesVendorStatusCodeAndTheVendorsExplanation() {
        ProviderException failure = DEFAULTS.classify(answer(503,
                "{\"error\":{\"code\":\"overloaded\",\"message\":\"The engine is busy.\"}}"), SENT);

        assertThat(failure).hasMessage("Acme answered 503 overloaded: The engine is busy.").hasNoCause();
    }

    @Test
    void aMessageQuotingTheContentOrTheKeyIsWithheld() {
        ProviderException quotesText = DEFAULTS.classify(answer(400,
                "{\"error\":{\"code\":\"bad\",\"message\":\"cannot read 'call me at 555-0100'\"}}"), SENT);
        ProviderException quotesKey = DEFAULTS.classify(answer(400,
                "{\"error\":{\"code\":\"" + KEY + "\",\"message\":\"key " + KEY + "\"}}"), SENT);

        assertThat(quotesText).hasMessage("Acme answered 400 bad: " + ConfidentialText.WITHHELD);
        assertThat(quotesKey.getMessage()).doesNotContain(KEY).startsWith("Acme answered 400:");
    }

    @Test
    void authNeverRepeatsTheVendorsTextButGivesTheHint() {
        FailurePolicy policy = FailurePolicy.builder("Acme")
                .errors(response -> VendorError.fromJson(response, "/error/code", "/error/message"))
                .authHint("check api-key").build();

        ProviderException failure = policy.classify(answer(401,
                "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Incorrect key sk-se****6789\"}}"), SENT);

        assertThat(failure).hasMessage("Acme answered 401 invalid_api_key: check api-key");
    }

    @Test
    void aCodeHintReplacesTheVendorsText() {
        FailurePolicy policy = FailurePolicy.builder("Acme")
                .errors(response -> VendorError.fromJson(response, "/error/code", "/error/message"))
                .code(429, "insufficient_quota", Kind.AUTH).hint("insufficient_quota", "quota exhausted").build();

        assertThat(policy.classify(answer(429, "{\"error\":{\"code\":\"insufficient_quota\",\"message\":\"x\"}}"),
                SENT)).hasMessage("Acme answered 429 insufficient_quota: quota exhausted");
    }

    @Test
    void anErrorInASuccessBodyFollowsTheSameRules() {
        FailurePolicy policy = FailurePolicy.builder("Acme").code("usage_limit", Kind.RATE_LIMITED).build();

        ProviderException failure = policy.classify(200, new VendorError(Optional.of("usage_limit"),
                Optional.of("Daily limit reached")), SENT);

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure).hasMessage("Acme answered 200 usage_limit: Daily limit reached");
        assertThat(policy.classify(200, VendorError.none(), SENT).kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void withoutAnEnvelopeReaderTheBodyIsIgnored() {
        ProviderException failure = FailurePolicy.builder("Acme").build().classify(answer(500,
                "{\"error\":{\"code\":\"x\",\"message\":\"y\"}}"), SENT);

        assertThat(failure).hasMessage("Acme answered 500");
    }
}
