package dev.warden.adapters.sightengine;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.adapters.sightengine.SightengineFixtures.IMAGE_PATH;
import static dev.warden.adapters.sightengine.SightengineFixtures.TEXT_PATH;
import static dev.warden.adapters.sightengine.SightengineFixtures.answer;
import static dev.warden.testkit.KitFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ProviderVerdict;
import dev.warden.testkit.VendorAdapterTestBase;

/** What the kit cannot know about Sightengine: form fields, dotted labels, both text modes and errors in 200s. */
class SightengineAdapterTest extends VendorAdapterTestBase {

    private static final String API_USER = "1234567890";
    private static final String API_SECRET = "se-secret-abcdefghijklmnop";
    private static final String IMAGE_URL = "https://cdn.example.com/upload/7f3a.png";
    private static final double EXACT = 1e-9;

    @Test
    void anImageGoesByUrlWithTheModelsAndTheCredentialsInTheFormNeverInTheQuery() {
        vendor.stubFor(post(urlEqualTo(IMAGE_PATH)).willReturn(answer(200, "image-clean.json")));

        classify(adapter(settings()), new ContentPart.Image(IMAGE_URL));

        vendor.verify(postRequestedFor(urlEqualTo(IMAGE_PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("url", equalTo(IMAGE_URL))
                .withFormParam("models", equalTo("nudity-2.1,weapon,recreational_drug,gore-2.0"))
                .withFormParam("api_user", equalTo(API_USER))
                .withFormParam("api_secret", equalTo(API_SECRET)));
        assertThat(vendor.getAllServeEvents()).singleElement()
                .satisfies(event -> assertThat(event.getRequest().getUrl()).isEqualTo(IMAGE_PATH));
    }

    @Test
    void mlTextGoesWithItsModelsAndNoRuleOptions() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-ml-clean.json")));

        classify(adapter(settings()), new ContentPart.Text("first"), new ContentPart.Text("second"));

        vendor.verify(postRequestedFor(urlEqualTo(TEXT_PATH))
                .withFormParam("text", equalTo("first\n\nsecond"))
                .withFormParam("lang", equalTo("en"))
                .withFormParam("mode", equalTo("ml"))
                .withFormParam("models", equalTo("general,self-harm"))
                .withFormParam("opt_countries", absent())
                .withFormParam("list", absent())
                .withFormParam("api_user", equalTo(API_USER))
                .withFormParam("api_secret", equalTo(API_SECRET)));
    }

    @Test
    void rulesTextGoesWithCountriesAndTheListAndNoModels() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-rules-clean.json")));
        Map<String, String> settings = settings();
        settings.put("text-mode", "rules");
        settings.put("opt-countries", "us,gb");
        settings.put("text-list", "tli_abc123");
        settings.put("lang", "en,fr");

        classify(adapter(settings), new ContentPart.Text("call me"));

        vendor.verify(postRequestedFor(urlEqualTo(TEXT_PATH))
                .withFormParam("mode", equalTo("rules"))
                .withFormParam("lang", equalTo("en,fr"))
                .withFormParam("opt_countries", equalTo("us,gb"))
                .withFormParam("list", equalTo("tli_abc123"))
                .withFormParam("models", absent()));
    }

    @Test
    void imageModelObjectsBecomeDottedLabelsAndTheMappedOnesCategories() {
        vendor.stubFor(post(urlEqualTo(IMAGE_PATH)).willReturn(answer(200, "image-flagged.json")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Image(IMAGE_URL));

        assertThat(verdict.scores()).containsOnly(entry(Category.SEXUAL, 0.91), entry(Category.VIOLENCE_GRAPHIC, 0.77),
                entry(Category.ILLICIT, 0.62));
        assertThat(verdict.vendorScores()).contains(entry("nudity.sexual_display", 0.91),
                entry("nudity.suggestive_classes.cleavage_categories.none", 0.98), entry("weapon.classes.knife", 0.03))
                .doesNotContainKeys("request.timestamp", "request.operations");
        assertThat(verdict.model()).isEqualTo("sightengine/nudity-2.1,weapon,recreational_drug,gore-2.0");
    }

    @Test
    void mlClassesCountOnlyWhenAvailable() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-ml-flagged.json")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text("text"));

        assertThat(verdict.scores()).containsOnly(entry(Category.HATE, 0.82), entry(Category.HARASSMENT, 0.64),
                entry(Category.TOXICITY, 0.91), entry(Category.VIOLENCE, 0.05), entry(Category.SEXUAL, 0.01));
        assertThat(verdict.vendorScores()).as("kept, though not evaluated").containsEntry("moderation_classes.self-harm",
                0.7);
        assertThat(verdict.model()).isEqualTo("sightengine/text-ml");
    }

    @Test
    void ruleMatchesScoreByIntensityAndAnEmptyCategoryIsZero() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-rules-flagged.json")));
        Map<String, String> settings = settings();
        settings.put("text-mode", "rules");

        ProviderVerdict verdict = classify(adapter(settings), new ContentPart.Text("text"));

        assertThat(verdict.scores().get(Category.SEXUAL)).as("high").isEqualTo(1.0);
        assertThat(verdict.scores().get(Category.HARASSMENT)).as("insult, medium").isCloseTo(2.0 / 3, within(EXACT));
        assertThat(verdict.scores().get(Category.PROFANITY)).as("inappropriate, low").isCloseTo(1.0 / 3, within(EXACT));
        assertThat(verdict.scores()).contains(entry(Category.PII, 1.0), entry(Category.HATE, 0.0),
                entry(Category.SPAM, 0.0), entry(Category.ILLICIT, 0.0));
        assertThat(verdict.vendorScores()).contains(entry("personal", 1.0), entry("link", 0.0));
        assertThat(verdict.model()).isEqualTo("sightengine/text-rules");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"success\",\"profanity\":{\"matches\":[{\"type\":\"insult\",\"intensity\":\"extreme\"}]}}",
            "{\"status\":\"success\",\"profanity\":{\"matches\":[{\"intensity\":\"high\"}]}}",
            "{\"status\":\"success\",\"request\":{\"id\":\"req_1\"}}"})
    void aRulesAnswerItCannotReadIsAnInvalidResponse(String body) {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(json(200, body)));
        Map<String, String> settings = settings();
        settings.put("text-mode", "rules");

        assertThat(failure(adapter(settings), new ContentPart.Text("text")).kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            IMAGE_PATH + "|{\"status\":\"success\",\"gore\":{\"prob\":1.5}}",
            IMAGE_PATH + "|{\"status\":\"success\",\"request\":{\"id\":\"req_1\",\"operations\":1}}",
            IMAGE_PATH + "|{\"status\":\"pending\",\"gore\":{\"prob\":0.1}}",
            TEXT_PATH + "|{\"status\":\"success\",\"moderation_classes\":{\"toxic\":0.2}}",
            TEXT_PATH + "|{\"status\":\"success\",\"moderation_classes\":{\"available\":[\"toxic\"],\"toxic\":\"high\"}}"})
    void anAnswerWithoutUsableScoresIsAnInvalidResponse(String path, String body) {
        vendor.stubFor(post(urlEqualTo(path)).willReturn(json(200, body)));
        ContentPart part = path.equals(IMAGE_PATH) ? new ContentPart.Image(IMAGE_URL) : new ContentPart.Text("text");

        assertThat(failure(adapter(settings()), part).kind()).as(body).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void anUnmappedLeafOutsideZeroToOneIsStillAVendorScore() {
        vendor.stubFor(post(urlEqualTo(IMAGE_PATH)).willReturn(json(200,
                "{\"status\":\"success\",\"faces\":{\"count\":3},\"gore\":{\"prob\":0.4}}")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Image(IMAGE_URL));

        assertThat(verdict.scores()).containsOnly(entry(Category.VIOLENCE_GRAPHIC, 0.4));
        assertThat(verdict.vendorScores()).containsEntry("faces.count", 3.0);
    }

    @Test
    void labelOverridesAddRowsAndMakeRowsVendorOnly() {
        vendor.stubFor(post(urlEqualTo(IMAGE_PATH)).willReturn(answer(200, "image-flagged.json")));
        Map<String, String> settings = settings();
        settings.put("labels.weapon.classes.firearm", "");
        settings.put("labels.nudity.context.indoor_other", "spam");

        ProviderVerdict verdict = classify(adapter(settings), new ContentPart.Image(IMAGE_URL));

        assertThat(verdict.scores().get(Category.ILLICIT)).as("drug .04 beats knife .03").isEqualTo(0.04);
        assertThat(verdict.scores().get(Category.SPAM)).isEqualTo(0.89);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "error-credentials-200.json, 200, AUTH",
            "error-usage-limit-200.json, 200, RATE_LIMITED",
            "error-media-200.json, 200, BAD_REQUEST",
            "error-unknown-500.json, 500, UNAVAILABLE",
            "error-credentials-200.json, 401, AUTH",
            "error-usage-limit-200.json, 400, RATE_LIMITED"})
    void theErrorTypeDecidesInAnyStatus(String fixture, int status, Kind expected) {
        vendor.stubFor(post(anyUrl()).willReturn(answer(status, fixture)));

        ProviderException failure = failure(adapter(settings()), new ContentPart.Image(IMAGE_URL));

        assertThat(failure.kind()).isEqualTo(expected);
        assertThat(failure.getMessage()).startsWith("Sightengine answered " + status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "credentials_error, 7, AUTH",
            "argument_error, 1, AUTH",
            "argument_error, 2, BAD_REQUEST",
            "plan_error, 3, AUTH",
            "request_error, 4, BAD_REQUEST",
            "callback_error, 5, BAD_REQUEST",
            "api_error, 6, UNAVAILABLE",
            "some_new_error, 8, INVALID_RESPONSE"})
    void everyDocumentedErrorTypeHasItsKind(String type, int code, Kind expected) {
        vendor.stubFor(post(anyUrl()).willReturn(json(200,
                "{\"status\":\"failure\",\"error\":{\"type\":\"" + type + "\",\"code\":"
                        + code + ",\"message\":\"something\"}}")));

        assertThat(failure(adapter(settings()), new ContentPart.Text("text")).kind()).isEqualTo(expected);
    }

    @Test
    void badCredentialsNeverRepeatTheVendorsTextAndNoMessageQuotesTheApiUser() {
        vendor.stubFor(post(anyUrl()).willReturn(answer(200, "error-credentials-200.json")));

        ProviderException credentials = failure(adapter(settings()), new ContentPart.Text("text"));

        assertThat(credentials.getMessage()).doesNotContain("Incorrect API user").contains("api-user", "api-secret");

        vendor.stubFor(post(anyUrl()).willReturn(json(200,
                "{\"status\":\"failure\",\"error\":{\"type\":\"media_error\",\"code\":"
                        + "21,\"message\":\"user " + API_USER + " cannot read this media\"}}")));

        ProviderException media = failure(adapter(settings()), new ContentPart.Text("text"));

        assertThat(media.getMessage()).doesNotContain(API_USER).contains(ConfidentialText.WITHHELD);
    }

    @Test
    void aDataUrlIsUnsupportedBeforeAnyCallAsSightengineFetchesImagesItself() {
        int before = http.requests();

        ProviderException failure = failure(adapter(settings()), new ContentPart.Text("text"),
                new ContentPart.Image("data:image/png;base64,iVBORw0KGgo="));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(failure.getMessage()).doesNotContain("iVBORw0KGgo");
        assertThat(http.requests()).isEqualTo(before);
    }

    @Test
    void textAndAnImageAreTwoCallsAndEachCategoryKeepsItsWorstScore() {
        vendor.stubFor(post(urlEqualTo(TEXT_PATH)).willReturn(answer(200, "text-ml-flagged.json")));
        vendor.stubFor(post(urlEqualTo(IMAGE_PATH)).willReturn(answer(200, "image-flagged.json")));

        ProviderVerdict verdict = classify(adapter(settings()), new ContentPart.Text("text"),
                new ContentPart.Image(IMAGE_URL));

        assertThat(vendor.getAllServeEvents()).hasSize(2);
        assertThat(verdict.scores()).contains(entry(Category.HATE, 0.82), entry(Category.SEXUAL, 0.91),
                entry(Category.ILLICIT, 0.62));
        assertThat(verdict.model()).isEqualTo("sightengine");
    }

    @Test
    void descriptorSetsACautiousRateLimit() {
        assertThat(new SightengineAdapterType().defaultSettings()).containsExactly(entry("rate-limit.per-second", "5"));
    }

    @Override
    protected ClassifierAdapterType adapterType() {
        return new SightengineAdapterType();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("base-url", vendor.baseUrl() + "/1.0");
        settings.put("api-user", API_USER);
        settings.put("api-secret", API_SECRET);
        return settings;
    }
}
