package dev.warden.adapters.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.adapters.openai.OpenAiFixtures.MODERATIONS_PATH;
import static dev.warden.adapters.openai.OpenAiFixtures.answer;
import static dev.warden.testkit.KitFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ProviderVerdict;
import dev.warden.testkit.KitFixtures;
import dev.warden.testkit.VendorAdapterTestBase;

/** The OpenAI adapter against a WireMock OpenAI answering each case of vendor-apis.md §1. */
class OpenAiModerationAdapterTest extends VendorAdapterTestBase {

    private static final String API_KEY = "sk-test-warden-0123456789";
    private static final String TEXT = "see you after school, loser";
    private static final String IMAGE_URL = "https://cdn.example.com/upload/7f3a.png";
    private static final String SIGNED_IMAGE_URL = "https://uploads.example-cdn.net/u/8c1f2e/photo.jpg"
            + "?X-Amz-Signature=5d41402abc4b2a76&X-Amz-Expires=300";

    @Test
    void sendsTheKeyTheModelAndTheAccountHeaders() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "clean.json")));
        Map<String, String> settings = settings();
        settings.put("model", "omni-moderation-2024-09-26");
        settings.put("organization", "org-warden");
        settings.put("project", "proj_warden");

        classify(adapter(settings), new ContentPart.Text(TEXT));

        vendor.verify(postRequestedFor(urlEqualTo(MODERATIONS_PATH))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("OpenAI-Organization", equalTo("org-warden"))
                .withHeader("OpenAI-Project", equalTo("proj_warden"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("omni-moderation-2024-09-26")))
                .withRequestBody(matchingJsonPath("$.input[0].type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.input[0].text", equalTo(TEXT))));
    }

    @Test
    void leavesOutAccountHeadersThatAreNotConfiguredAndUsesTheDefaultModel() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "clean.json")));

        classify(adapter(), new ContentPart.Text(TEXT));

        vendor.verify(postRequestedFor(urlEqualTo(MODERATIONS_PATH))
                .withoutHeader("OpenAI-Organization")
                .withoutHeader("OpenAI-Project")
                .withRequestBody(matchingJsonPath("$.model", equalTo("omni-moderation-latest"))));
    }

    @Test
    void cleanTextHasLowScoresAndKeepsTheVendorsOwnLabels() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "clean.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Text("Have a lovely day"));

        assertThat(verdict.scores()).hasSize(9).allSatisfy((category, score) -> assertThat(score).isLessThan(0.001));
        assertThat(verdict.vendorScores()).hasSize(13).containsEntry("self-harm/intent", 0.0000019);
        assertThat(verdict.model()).as("the model that answered, not the alias asked for")
                .isEqualTo("omni-moderation-2024-09-26");
    }

    @Test
    void flaggedTextMapsOntoTheTaxonomyTakingTheHighestScorePerCategory() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "flagged.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Text(TEXT));

        assertThat(verdict.scores()).containsOnly(
                entry(Category.HARASSMENT, 0.9),
                entry(Category.THREAT, 0.9),
                entry(Category.HATE, 0.31),
                entry(Category.ILLICIT, 0.6),
                entry(Category.VIOLENCE, 0.6),
                entry(Category.SELF_HARM, 0.7),
                entry(Category.SEXUAL, 0.01),
                entry(Category.SEXUAL_MINORS, 0.002),
                entry(Category.VIOLENCE_GRAPHIC, 0.03));
        assertThat(verdict.vendorScores()).hasSize(13)
                .containsEntry("harassment/threatening", 0.9)
                .containsEntry("self-harm/intent", 0.7)
                .containsEntry("illicit/violent", 0.6);
    }

    @Test
    void sendsAnImageAsAnImageUrlPartAfterTheText() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "clean.json")));

        classify(adapter(), new ContentPart.Text(TEXT), new ContentPart.Image(IMAGE_URL));

        vendor.verify(postRequestedFor(urlEqualTo(MODERATIONS_PATH))
                .withRequestBody(matchingJsonPath("$.input[0].type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.input[1].type", equalTo("image_url")))
                .withRequestBody(matchingJsonPath("$.input[1].image_url.url", equalTo(IMAGE_URL))));
    }

    @Test
    void anImageOnlyAnswerLeavesOutTheLabelsThatReadOnlyText() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "image.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Image(IMAGE_URL));

        vendor.verify(postRequestedFor(urlEqualTo(MODERATIONS_PATH))
                .withRequestBody(matchingJsonPath("$.input[0].type", equalTo("image_url")))
                .withRequestBody(matchingJsonPath("$.input[0].image_url.url", equalTo(IMAGE_URL))));
        assertThat(verdict.scores()).as("harassment, hate, threat, illicit and sexual_minors were not looked at")
                .containsOnly(
                        entry(Category.VIOLENCE, 0.8599),
                        entry(Category.VIOLENCE_GRAPHIC, 0.041),
                        entry(Category.SELF_HARM, 0.0012),
                        entry(Category.SEXUAL, 2.3e-7));
        assertThat(verdict.vendorScores()).hasSize(13).containsEntry("harassment", 0.0);
    }

    @Test
    void refusesASecondImageWithoutCallingOpenAi() {
        int before = http.requests();

        ProviderException failure = failure(adapter(), new ContentPart.Image(IMAGE_URL),
                new ContentPart.Image("https://cdn.example.com/upload/second.png"));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(http.requests()).isEqualTo(before);
        vendor.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tooManyImagesFromOpenAiIsABadRequestWithItsCode() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(400, "error-too-many-images.json")));

        ProviderException failure = failure(adapter(), new ContentPart.Image(IMAGE_URL));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure).hasMessageContaining("too_many_images").hasMessageContaining("exceeds maximum of 1");
    }

    @Test
    void aVendorMessageQuotingTheContentIsWithheld() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(json(400,
                "{\"error\":{\"message\":\"Invalid input: '" + TEXT + "'\",\"code\":\"invalid_value\"}}")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure).hasMessageContaining("invalid_value").hasMessageContaining("withheld")
                .hasMessageNotContaining(TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Invalid input: 'after school'",
            "Input contains 'SEE YOU AFTER'",
            "Cannot fetch an image from uploads.example-cdn.net",
            "Cannot fetch /u/8c1f2e/photo.jpg",
            "Expired: X-Amz-Signature=5d41402abc4b2a76&X-Amz-Expires=300" })
    void aVendorMessageQuotingPartOfTheRequestIsWithheldButTheStatusAndCodeAreNamed(String vendorMessage) {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(error(400, "invalid_value", vendorMessage)));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT),
                new ContentPart.Image(SIGNED_IMAGE_URL));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure).hasMessage("OpenAI answered 400 invalid_value: " + ConfidentialText.WITHHELD);
    }

    @Test
    void anUnrelatedVendorMessageIsKept() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(error(503, "overloaded",
                "The engine is currently overloaded.")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT),
                new ContentPart.Image(SIGNED_IMAGE_URL));

        assertThat(failure).hasMessage("OpenAI answered 503 overloaded: The engine is currently overloaded.");
    }

    @Test
    void aCodeQuotingTheContentIsLeftOut() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(error(400, "ref_8c1f2e9a7b", "Bad reference")));

        ProviderException failure = failure(adapter(), new ContentPart.Text("order ref_8c1f2e9a7b, thanks"));

        assertThat(failure).hasMessage("OpenAI answered 400: Bad reference");
    }

    @Test
    void aCodeThatIsNoIdentifierIsLeftOut() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(error(400, "x".repeat(65), "Bad request")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure).hasMessage("OpenAI answered 400: Bad request");
    }

    @Test
    void anInvalidApiKeyIsAuthAndItsEchoIsNotRepeated() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(401, "error-invalid-api-key.json")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure).hasMessageContaining("invalid_api_key");
    }

    @Test
    void throttlingIsRateLimitedWithTheRetryAfterOpenAiAskedFor() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH))
                .willReturn(answer(429, "error-rate-limit.json").withHeader("retry-after", "20")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(failure).hasMessageContaining("rate_limit_exceeded");
    }

    @Test
    void throttlingWithoutRetryAfterLeavesTheWaitToTheCore() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(429, "error-rate-limit.json")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEmpty();
    }

    @Test
    void theMillisecondRetryAfterWinsOverTheSecondsOne() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(429, "error-rate-limit.json")
                .withHeader("retry-after-ms", "1500").withHeader("retry-after", "2")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void anExhaustedQuotaIsAuthNotSomethingToRetry() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH))
                .willReturn(answer(429, "error-insufficient-quota.json").withHeader("retry-after", "1")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.kind().retryable()).isFalse();
        assertThat(failure).hasMessageContaining("quota exhausted");
    }

    @Test
    void aServerErrorIsUnavailable() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(500, "error-server.json")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void anOverloadedEngineIsUnavailable() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(503, "error-overloaded.json")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure).hasMessageContaining("overloaded");
    }

    @Test
    void anUnknownModelIsABadRequestThatNamesIt() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(404, "error-model-not-found.json")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure).hasMessageContaining("model_not_found").hasMessageContaining("does not exist");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "403, AUTH",
            "408, TIMEOUT",
            "413, BAD_REQUEST",
            "422, BAD_REQUEST",
            "502, UNAVAILABLE",
            "504, UNAVAILABLE",
            "302, INVALID_RESPONSE" })
    void classifiesEveryOtherStatus(int status, Kind expected) {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/plain").withBody("nope")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(expected);
    }

    @Test
    void malformedJsonIsAnInvalidResponse() {
        assertInvalidResponse("{\"id\":\"modr-1\",\"results\":[{\"category_scores\":{\"hate\":0.1");
    }

    @Test
    void malformedJsonEchoingTheContentSaysWhereNotWhat() {
        String text = "Bartholomew_rants_again";
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(json(200, "{\"results\":\n[" + text + "]}")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(text));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure).hasMessage("OpenAI answered malformed JSON (line 2, column 2)").hasNoCause();
    }

    @Test
    void twoConcatenatedAnswersAreAnInvalidResponse() {
        String clean = KitFixtures.body("/openai/clean.json");
        assertInvalidResponse(clean + clean);
    }

    @Test
    void anEmptyBodyIsAnInvalidResponse() {
        assertInvalidResponse("");
    }

    @Test
    void noResultsIsAnInvalidResponse() {
        assertInvalidResponse("{\"id\":\"modr-1\",\"model\":\"omni-moderation-latest\",\"results\":[]}");
    }

    @Test
    void aResultWithoutScoresIsAnInvalidResponse() {
        assertInvalidResponse("{\"model\":\"omni-moderation-latest\",\"results\":[{\"flagged\":false}]}");
    }

    @Test
    void aScoreAboveOneIsAnInvalidResponse() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "score-out-of-range.json")));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure).hasMessageContaining("harassment").hasMessageContaining("1.7");
    }

    @Test
    void aScoreThatIsNotANumberIsAnInvalidResponse() {
        assertInvalidResponse("{\"model\":\"omni-moderation-latest\",\"results\":[{\"category_scores\":"
                + "{\"hate\":\"high\"}}]}");
    }

    @Test
    void aLegacyModelWithoutIllicitScoresMapsWhatItHas() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "legacy-text-model.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Text(TEXT));

        assertThat(verdict.scores()).doesNotContainKey(Category.ILLICIT).containsEntry(Category.HARASSMENT, 0.0021);
        assertThat(verdict.vendorScores()).doesNotContainKeys("illicit", "illicit/violent").hasSize(11);
        assertThat(verdict.model()).isEqualTo("text-moderation-007");
    }

    @Test
    void aLabelOpenAiAddsLaterIsKeptButNotMapped() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "unknown-category.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Text(TEXT));

        assertThat(verdict.vendorScores()).containsEntry("deception/impersonation", 0.34);
        assertThat(verdict.scores()).containsOnly(entry(Category.HARASSMENT, 0.02));
    }

    @Test
    void severalResultsKeepTheHighestScorePerLabel() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(answer(200, "two-results.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Text(TEXT));

        assertThat(verdict.vendorScores()).containsOnly(entry("harassment", 0.81), entry("hate", 0.03),
                entry("violence", 0.77));
    }

    @Test
    void anAnswerWithoutAModelNamesTheConfiguredOne() {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(json(200,
                "{\"results\":[{\"category_scores\":{\"hate\":0.2}}]}")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Text(TEXT));

        assertThat(verdict.model()).isEqualTo("omni-moderation-latest");
    }

    private void assertInvalidResponse(String body) {
        vendor.stubFor(post(urlEqualTo(MODERATIONS_PATH)).willReturn(json(200, body)));

        ProviderException failure = failure(adapter(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    /** OpenAI's error envelope; the test values need no JSON escaping. */
    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(status, "{\"error\":{\"message\":\"" + message + "\",\"code\":\"" + code + "\"}}");
    }

    @Override
    protected ClassifierAdapterType adapterType() {
        return new OpenAiAdapterType();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("base-url", vendor.baseUrl() + "/v1");
        settings.put("api-key", API_KEY);
        return settings;
    }

    private ClassifierAdapter adapter() {
        return adapter(settings());
    }
}
