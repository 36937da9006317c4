package dev.warden.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.VendorResponse;

class AwsFailuresTest {

    private static final String TEXT = "you are a wdn-canary-7f3a person";
    private static final ConfidentialText SENT = ConfidentialText.of(
            new ClassificationInput(List.of(new ContentPart.Text(TEXT))), "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    @ParameterizedTest
    @CsvSource({
            "error-throttling.json, 400, RATE_LIMITED",
            "error-namespaced-throttling.json, 400, RATE_LIMITED",
            "error-image-too-large.json, 400, BAD_REQUEST",
            "error-invalid-image-format.json, 400, BAD_REQUEST",
            "error-access-denied.json, 400, AUTH",
            "error-access-denied.json, 403, AUTH",
            "error-internal.json, 500, UNAVAILABLE",
            "error-text-size.json, 400, BAD_REQUEST",
            "error-unsupported-language.json, 400, BAD_REQUEST",
            // The name decides over the status: a throttle that arrives as 500 is still a throttle.
            "error-throttling.json, 500, RATE_LIMITED" })
    void theExceptionNameDecidesTheKind(String fixture, int status, Kind expected) {
        ProviderException failure = AwsFailures.REKOGNITION.classify(json(status, AwsFixtures.text(fixture)), SENT);

        assertThat(failure.kind()).isEqualTo(expected);
        assertThat(failure.retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "TooManyRequestsException", "ProvisionedThroughputExceededException", "LimitExceededException" })
    void everyThrottleNameIsRateLimitedOn400(String name) {
        assertThat(AwsFailures.COMPREHEND.classify(json(400, "{\"__type\":\"" + name + "\"}"), SENT).kind())
                .isEqualTo(Kind.RATE_LIMITED);
    }

    @ParameterizedTest
    @CsvSource({ "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
            "MissingAuthenticationTokenException", "HumanLoopQuotaExceededException" })
    void credentialProblemsAreAuth(String name) {
        assertThat(AwsFailures.COMPREHEND.classify(json(400, "{\"__type\":\"" + name + "\"}"), SENT).kind())
                .isEqualTo(Kind.AUTH);
    }

    @Test
    void readsTheNameFromTheHeaderWhenTheBodyHasNone() {
        VendorResponse response = new VendorResponse(400, Map.of("x-amzn-ErrorType",
                List.of("ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/")),
                new byte[0]);

        ProviderException failure = AwsFailures.COMPREHEND.classify(response, SENT);

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.getMessage()).isEqualTo("AWS Comprehend answered 400 ThrottlingException");
    }

    @Test
    void theMessageNamesTheServiceTheExceptionAndTheVendorsExplanation() {
        ProviderException failure = AwsFailures.REKOGNITION.classify(json(400, AwsFixtures.text("error-image-too-large.json")),
                SENT);

        assertThat(failure.getMessage())
                .isEqualTo("AWS Rekognition answered 400 ImageTooLargeException: Image size is too large.");
    }

    @Test
    void anAuthMessageNeverRepeatsTheVendorsText() {
        ProviderException failure = AwsFailures.REKOGNITION.classify(json(400, AwsFixtures.text("error-access-denied.json")),
                SENT);

        assertThat(failure.getMessage()).startsWith("AWS Rekognition answered 400 AccessDeniedException: ")
                .doesNotContain("arn:aws").contains("RekognitionService.DetectModerationLabels");
    }

    @Test
    void aMessageQuotingTheContentOrTheSecretIsWithheld() {
        String echo = "{\"__type\":\"InvalidRequestException\",\"Message\":\"bad segment: " + TEXT + "\"}";
        String secret = "{\"__type\":\"InvalidRequestException\",\"message\":\"key "
                + "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\"}";

        assertThat(AwsFailures.COMPREHEND.classify(json(400, echo), SENT).getMessage())
                .doesNotContain("wdn-canary-7f3a").contains(ConfidentialText.WITHHELD);
        assertThat(AwsFailures.COMPREHEND.classify(json(400, secret), SENT).getMessage())
                .doesNotContain("EXAMPLEKEY");
    }

    @Test
    void anUnknownNameFallsBackToTheStatus() {
        assertThat(AwsFailures.COMPREHEND.classify(json(400, "{\"__type\":\"SomethingNewException\"}"), SENT).kind())
                .isEqualTo(Kind.BAD_REQUEST);
        assertThat(AwsFailures.COMPREHEND.classify(json(503, "<html>busy</html>"), SENT).kind())
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void cutsTheNamespaceAndTheHeaderSuffix() {
        assertThat(AwsFailures.exceptionName("com.amazonaws.comprehend#TooManyRequestsException"))
                .isEqualTo("TooManyRequestsException");
        assertThat(AwsFailures.exceptionName("ThrottlingException:http://internal.amazon.com/x/"))
                .isEqualTo("ThrottlingException");
        assertThat(AwsFailures.exceptionName("AccessDeniedException")).isEqualTo("AccessDeniedException");
    }

    private static VendorResponse json(int status, String body) {
        return new VendorResponse(status, Map.of("Content-Type", List.of(AwsFixtures.CONTENT_TYPE)),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
