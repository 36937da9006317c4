package dev.warden.adapters.azurecontentsafety;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.adapters.azurecontentsafety.AzureFixtures.IMAGE_PATH;
import static dev.warden.adapters.azurecontentsafety.AzureFixtures.TEXT_PATH;
import static dev.warden.adapters.azurecontentsafety.AzureFixtures.answer;
import static dev.warden.testkit.KitFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentPart;
import dev.warden.spi.MediaFetcher;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ProviderVerdict;
import dev.warden.testkit.KitMedia;
import dev.warden.testkit.VendorAdapterTestBase;

/** What the kit cannot know about Azure: the request shape, both severity scales, blocklists and Azure's codes. */
class AzureContentSafetyAdapterTest extends VendorAdapterTestBase {

    private static final String API_KEY = "azure-key-0123456789abcdef";
    private static final double EXACT = 1e-9;
    private static final String IMAGE_A = "https://cdn.example.com/a.png";
    private static final String IMAGE_B = "https://cdn.example.com/b.png";

    /** Serves the two images; what the adapter asks of it (size, types) is part of its contract. */
    private KitMedia media;

    @BeforeEach
    void freshMedia() {
        media = new KitMedia(IMAGE_A, IMAGE_B);
    }

    @Override
    protected MediaFetcher media() {
        return media;
    }

    @Test
    void textGoesAsOneStringWithTheKeyTheVersionAndTheConfiguredOptions() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-clean.json")));
        Map<String, String> settings = settings();
        settings.put("categories", "Hate,Violence");
        settings.put("blocklist-names", "my-terms,brand.names");
        settings.put("halt-on-blocklist-hit", "true");
        settings.put("output-type", "EightSeverityLevels");

        classify(adapter(settings), new ContentPart.Text("first part"), new ContentPart.Text("second part"));

        vendor.verify(postRequestedFor(urlEqualTo(TEXT_PATH))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"text": "first part\\n\\nsecond part", "categories": ["Hate", "Violence"],
                         "blocklistNames": ["my-terms", "brand.names"], "haltOnBlocklistHit": true,
                         "outputType": "EightSeverityLevels"}""")));
    }

    @Test
    void withoutBlocklistsTheBodyNamesNone() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-clean.json")));

        classify(adapter(settings()), new ContentPart.Text("hello"));

        vendor.verify(postRequestedFor(urlEqualTo(TEXT_PATH)).withRequestBody(equalToJson("""
                {"text": "hello", "categories": ["Hate", "SelfHarm", "Sexual", "Violence"],
                 "outputType": "FourSeverityLevels"}""")));
    }

    @Test
    void anImageGoesAsFetchedBytesAlwaysInFourLevels() {
        vendor.stubFor(post(urlEqualTo(IMAGE_PATH)).willReturn(answer(200, "image-flagged.json")));
        Map<String, String> settings = settings();
        settings.put("output-type", "EightSeverityLevels");

        ProviderVerdict verdict = classify(adapter(settings), new ContentPart.Image(IMAGE_A));

        vendor.verify(postRequestedFor(urlEqualTo(IMAGE_PATH))
                .withHeader("Ocp-Apim-Subscription-Key", equalTo(API_KEY))
                .withRequestBody(equalToJson("{\"image\": {\"content\": \"" + Base64.getEncoder().encodeToString(KitMedia.samplePng())
                        + "\"}, \"categories\": [\"Hate\", \"SelfHarm\", \"Sexual\", \"Violence\"],"
                        + " \"outputType\": \"FourSeverityLevels\"}")));
        assertThat(media.fetched()).containsExactly(new KitMedia.Fetch(IMAGE_A, 4_194_304, Set.of("image/jpeg",
                "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp")));
        assertThat(verdict.scores().get(Category.VIOLENCE)).as("image 4 of four levels").isCloseTo(4.0 / 6, within(EXACT));
        assertThat(verdict.scores().get(Category.SEXUAL)).isCloseTo(2.0 / 6, within(EXACT));
    }

    @Test
    void fourLevelSeveritiesAreBucketsOfSix() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-flagged.json")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text("text"));

        assertThat(verdict.scores()).containsOnlyKeys(Category.HATE, Category.SELF_HARM, Category.SEXUAL,
                Category.VIOLENCE);
        assertThat(verdict.scores().get(Category.HATE)).isCloseTo(4.0 / 6, within(EXACT));
        assertThat(verdict.scores().get(Category.VIOLENCE)).isCloseTo(2.0 / 6, within(EXACT));
        assertThat(verdict.scores().get(Category.SEXUAL)).isZero();
        assertThat(verdict.vendorScores()).containsOnly(entry("Hate", 4.0), entry("SelfHarm", 0.0),
                entry("Sexual", 0.0), entry("Violence", 2.0));
        assertThat(verdict.model()).isEqualTo("content-safety/2024-09-01");
    }

    @Test
    void theTopFourLevelBucketIsOneSoAHighThresholdCanFire() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(json(200,
                "{\"categoriesAnalysis\": [{\"category\": \"Violence\", \"severity\": 6}]}")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text("text"));

        assertThat(verdict.scores()).containsExactly(entry(Category.VIOLENCE, 1.0));
    }

    @Test
    void eightLevelSeveritiesAreLevelsOfSeven() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-flagged-eight.json")));
        Map<String, String> settings = settings();
        settings.put("output-type", "EightSeverityLevels");

        ProviderVerdict verdict = classify(adapter(settings), new ContentPart.Text("text"));

        assertThat(verdict.scores().get(Category.HATE)).isCloseTo(5.0 / 7, within(EXACT));
        assertThat(verdict.scores().get(Category.VIOLENCE)).isEqualTo(1.0);
        assertThat(verdict.scores().get(Category.SEXUAL)).isCloseTo(1.0 / 7, within(EXACT));
        assertThat(verdict.vendorScores()).contains(entry("Violence", 7.0), entry("Hate", 5.0));
    }

    @Test
    void aSeverityBeyondTheScaleOrNotWholeIsAnInvalidResponse() {
        for (String severity : List.of("7", "-1", "2.5", "\"high\"")) {
            vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(json(200,
                    "{\"categoriesAnalysis\": [{\"category\": \"Hate\", \"severity\": " + severity + "}]}")));

            ProviderException failure = failure(adapter(settings()), new ContentPart.Text("text"));

            assertThat(failure.kind()).as(severity).isEqualTo(Kind.INVALID_RESPONSE);
        }
    }

    @Test
    void aCategoryWithoutSeverityWasNotEvaluatedAndABlocklistHitIsAVendorScore() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-halted-on-blocklist.json")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text("text"));

        assertThat(verdict.scores()).as("absent, not 0").isEmpty();
        assertThat(verdict.vendorScores()).containsExactly(entry("blocklist:my-terms", 1.0));
    }

    @Test
    void aBlocklistHitScoresTheConfiguredCategory() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-blocklist-hit.json")));
        Map<String, String> settings = settings();
        settings.put("blocklist-names", "my-terms");
        settings.put("blocklist-category", "profanity");

        ProviderVerdict verdict = classify(adapter(settings), new ContentPart.Text("text"));

        assertThat(verdict.scores()).containsEntry(Category.PROFANITY, 1.0).containsEntry(Category.HATE, 0.0);
        assertThat(verdict.vendorScores()).containsEntry("blocklist:my-terms", 1.0);
    }

    @Test
    void labelOverridesReplaceARowOrMakeItVendorOnly() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-flagged.json")));
        Map<String, String> settings = settings();
        settings.put("labels.Hate", "hate,harassment");
        settings.put("labels.Violence", "");

        ProviderVerdict verdict = classify(adapter(settings), new ContentPart.Text("text"));

        assertThat(verdict.scores().get(Category.HARASSMENT)).isCloseTo(4.0 / 6, within(EXACT));
        assertThat(verdict.scores()).doesNotContainKey(Category.VIOLENCE);
        assertThat(verdict.vendorScores()).containsEntry("Violence", 2.0);
    }

    @Test
    void textAndImagesAreOneCallEachAndEachCategoryKeepsItsWorstScore() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-flagged.json")));
        vendor.stubFor(post(urlEqualTo(IMAGE_PATH)).willReturn(answer(200, "image-flagged.json")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text("text"),
                new ContentPart.Image(IMAGE_A),
                new ContentPart.Image(IMAGE_B));

        assertThat(vendor.findAll(postRequestedFor(urlEqualTo(TEXT_PATH)))).hasSize(1);
        assertThat(vendor.findAll(postRequestedFor(urlEqualTo(IMAGE_PATH)))).hasSize(2);
        assertThat(verdict.scores().get(Category.HATE)).as("text").isCloseTo(4.0 / 6, within(EXACT));
        assertThat(verdict.scores().get(Category.VIOLENCE)).as("image beats text").isCloseTo(4.0 / 6, within(EXACT));
        assertThat(verdict.scores().get(Category.SEXUAL)).as("image").isCloseTo(2.0 / 6, within(EXACT));
    }

    @Test
    void textBeyondTenThousandCharactersIsUnsupportedBeforeAnyCall() {
        int before = http.requests();

        ProviderException failure = failure(adapter(settings()), new ContentPart.Text("a".repeat(5_000)),
                new ContentPart.Text("b".repeat(4_999)));

        assertThat(failure.kind()).as("5000 + 2 separator + 4999 characters").isEqualTo(Kind.UNSUPPORTED);
        assertThat(failure.getMessage()).contains("10000");
        assertThat(http.requests()).isEqualTo(before);
    }

    @Test
    void theTextLimitCountsCharactersNotUtf16Units() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-clean.json")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text("😀".repeat(10_000)));

        assertThat(verdict.scores()).containsEntry(Category.HATE, 0.0);
    }

    @Test
    void anImageTheFetcherRefusesIsTheCallersBadRequestAndReachesNoVendor() {
        ProviderException failure = failure(adapter(settings()),
                new ContentPart.Image("https://cdn.example.com/huge.png"));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(media.fetched()).hasSize(1);
        assertThat(vendor.getAllServeEvents()).isEmpty();
    }

    @Test
    void theErrorCodeHeaderStandsInForAMissingBodyCode() {
        vendor.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("x-ms-error-code",
                "TooManyRequests").withHeader("Retry-After", "3")));

        ProviderException failure = failure(adapter(settings()), new ContentPart.Text("text"));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(failure.getMessage()).contains("TooManyRequests");
    }

    @Test
    void theApimCredentialMessageIsNeverRepeated() {
        vendor.stubFor(post(anyUrl()).willReturn(answer(401, "error-401-apim.json")));

        ProviderException failure = failure(adapter(settings()), new ContentPart.Text("text"));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure.getMessage()).doesNotContain("subscription key").contains("api-key", "base-url");
    }

    @Test
    void descriptorSetsTheRateLimitFromAzuresQuota() {
        assertThat(new AzureContentSafetyAdapterType().defaultSettings())
                .containsExactly(entry("rate-limit.per-second", "100"));
    }

    @Override
    protected ClassifierAdapterType adapterType() {
        return new AzureContentSafetyAdapterType();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("base-url", vendor.baseUrl());
        settings.put("api-key", API_KEY);
        return settings;
    }
}
