package dev.warden.adapters.hive;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.adapters.hive.HiveFixtures.ASYNC_PATH;
import static dev.warden.adapters.hive.HiveFixtures.SYNC_PATH;
import static dev.warden.adapters.hive.HiveFixtures.TEXT_KEY;
import static dev.warden.adapters.hive.HiveFixtures.VISUAL_KEY;
import static dev.warden.adapters.hive.HiveFixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ProviderVerdict;
import dev.warden.testkit.VendorAdapterTestBase;

/** The Hive adapter against a WireMock Hive answering each case of vendor-apis.md §4. */
class HiveAdapterTest extends VendorAdapterTestBase {

    private static final String TEXT = "meet me behind the gym, you absolute clown";
    private static final String IMAGE_URL = "https://uploads.example-cdn.net/u/8c1f2e/photo.jpg?X-Amz-Signature=5d41";
    private static final String CALLBACK_URL = "https://warden.example/v1/webhooks/hive?job=j-1&token=tok-0123456789abcdef";
    private static final double THIRD = 1.0 / 3;

    @Test
    void sendsTextAsTextDataToTheTextProjectWithItsToken() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "text-clean.json")));

        classify(adapter(), new ContentPart.Text(TEXT));

        vendor.verify(postRequestedFor(urlEqualTo(SYNC_PATH))
                .withHeader("Authorization", equalTo("Token " + TEXT_KEY))
                .withHeader("Content-Type", matching("multipart/form-data; boundary=.+"))
                .withRequestBodyPart(aMultipart().withName("text_data").withBody(equalTo(TEXT)).build()));
        assertThat(partNames()).containsExactly("text_data");
    }

    @Test
    void joinsTextPartsIntoOneTaskSeparatedByABlankLine() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "text-clean.json")));

        classify(adapter(), new ContentPart.Text("first part"), new ContentPart.Text("second part"));

        vendor.verify(1, postRequestedFor(urlEqualTo(SYNC_PATH)).withRequestBodyPart(aMultipart()
                .withName("text_data").withBody(equalTo("first part\n\nsecond part")).build()));
    }

    @Test
    void sendsAnImageUrlToTheVisualProjectWithItsOwnToken() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "visual-clean.json")));

        classify(adapter(), new ContentPart.Image(IMAGE_URL));

        vendor.verify(postRequestedFor(urlEqualTo(SYNC_PATH))
                .withHeader("Authorization", equalTo("Token " + VISUAL_KEY))
                .withRequestBodyPart(aMultipart().withName("url").withBody(equalTo(IMAGE_URL)).build()));
    }

    @Test
    void textSeveritiesBecomeThirdsAndTheFiltersCount() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "text-sync-flagged.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Text(TEXT));

        assertThat(verdict.scores()).containsOnlyKeys(Category.SEXUAL, Category.HATE, Category.VIOLENCE,
                Category.HARASSMENT, Category.SPAM, Category.PROFANITY, Category.PII);
        assertThat(verdict.scores().get(Category.SEXUAL)).isEqualTo(1.0);
        assertThat(verdict.scores().get(Category.VIOLENCE)).isCloseTo(THIRD, within(1e-9));
        assertThat(verdict.scores().get(Category.HARASSMENT)).as("the worst of two spans").isEqualTo(1.0);
        assertThat(verdict.scores()).contains(entry(Category.HATE, 0.0), entry(Category.SPAM, 0.0),
                entry(Category.PROFANITY, 1.0), entry(Category.PII, 0.0));
        assertThat(verdict.vendorScores()).as("-1 is kept as sent, and feeds nothing")
                .contains(entry("drugs", -1.0), entry("bullying", 3.0), entry("text_filter_profanity", 1.0));
        assertThat(verdict.model()).isEqualTo("hive");
    }

    @Test
    void anUnsupportedLanguageEvaluatesNothing() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "text-unsupported-language.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Text(TEXT));

        assertThat(verdict.scores()).isEmpty();
        assertThat(verdict.vendorScores()).containsEntry("sexual", -1.0);
    }

    @Test
    void piiEntitiesCountAndOtherFiltersAreNotProfanity() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "text-pii.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Text(TEXT));

        assertThat(verdict.scores()).contains(entry(Category.PII, 1.0), entry(Category.PROFANITY, 0.0));
    }

    @Test
    void visualProbabilitiesMapToCategoriesAndTheOtherSideOfEachHeadStaysVendorOnly() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "visual-flagged.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Image(IMAGE_URL));

        assertThat(verdict.scores()).containsOnly(entry(Category.SEXUAL, 0.01), entry(Category.VIOLENCE, 0.9),
                entry(Category.HATE, 0.25));
        assertThat(verdict.vendorScores()).contains(entry("no_gun", 0.04), entry("general_suggestive", 0.02));
        assertThat(verdict.model()).isEqualTo("visual_moderation_v2");
    }

    @Test
    void severalFramesKeepTheWorstScorePerClass() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "visual-video-frames.json")));

        ProviderVerdict verdict = classify(adapter(), new ContentPart.Image(IMAGE_URL));

        assertThat(verdict.scores()).containsOnly(entry(Category.SEXUAL, 0.6), entry(Category.VIOLENCE, 0.7));
    }

    @Test
    void textAndAnImageAreTwoTasksToTwoProjectsMergedIntoOneVerdict() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).withHeader("Authorization", equalTo("Token " + TEXT_KEY))
                .willReturn(answer(200, "text-sync-flagged.json")));
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).withHeader("Authorization", equalTo("Token " + VISUAL_KEY))
                .willReturn(answer(200, "visual-flagged.json")));

        ProviderVerdict verdict = classifyAsync(adapter(), new ContentPart.Text(TEXT),
                new ContentPart.Image(IMAGE_URL));

        assertThat(verdict.isPending()).as("two tasks cannot share one pending job: both go sync").isFalse();
        assertThat(verdict.scores()).contains(entry(Category.SEXUAL, 1.0), entry(Category.VIOLENCE, 0.9),
                entry(Category.HATE, 0.25), entry(Category.HARASSMENT, 1.0));
        vendor.verify(2, postRequestedFor(urlEqualTo(SYNC_PATH)));
    }

    @Test
    void withACallbackUrlOneTaskGoesAsyncAndAnswersPendingWithHivesTaskId() {
        vendor.stubFor(post(urlEqualTo(ASYNC_PATH)).willReturn(answer(200, "async-ack.json")));

        ProviderVerdict verdict = classifyAsync(adapter(), new ContentPart.Text(TEXT));

        assertThat(verdict.pending()).map(ProviderVerdict.Pending::vendorJobId)
                .contains("9d3e6f51-3f7e-11ee-be56-0242ac120002");
        vendor.verify(postRequestedFor(urlEqualTo(ASYNC_PATH))
                .withHeader("Authorization", equalTo("Token " + TEXT_KEY))
                .withRequestBodyPart(aMultipart().withName("text_data").withBody(equalTo(TEXT)).build())
                .withRequestBodyPart(aMultipart().withName("callback_url").withBody(equalTo(CALLBACK_URL)).build())
                .withRequestBodyPart(aMultipart().withName("metadata").withBody(equalTo("warden:text")).build()));
    }

    @Test
    void readsTheTaskIdFromTheStatusWhenTheAckHasNoTopLevelId() {
        vendor.stubFor(post(urlEqualTo(ASYNC_PATH)).willReturn(answer(200, "async-ack-task-id.json")));

        ProviderVerdict verdict = classifyAsync(adapter(), new ContentPart.Image(IMAGE_URL));

        assertThat(verdict.pending()).map(ProviderVerdict.Pending::vendorJobId)
                .contains("ae4f7062-3f7e-11ee-be56-0242ac120002");
    }

    @Test
    void anAckWithoutAUsableTaskIdIsAnInvalidResponse() {
        vendor.stubFor(post(urlEqualTo(ASYNC_PATH)).willReturn(okJson("{\"code\":200,\"id\":\"has spaces and "
                + "is not an id\"}")));

        assertThat(failure(adapter(), callbackContext(CALLBACK_URL), new ContentPart.Text(TEXT)).kind())
                .isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void readsAFlaggedTextCallbackByItsEchoedMetadata() {
        ProviderVerdict verdict = adapter().parseCallback(bytes("callback-text-flagged.json"));

        assertThat(verdict.scores()).contains(entry(Category.SEXUAL, 1.0), entry(Category.HARASSMENT, 1.0),
                entry(Category.PROFANITY, 1.0)).doesNotContainKey(Category.ILLICIT);
        assertThat(verdict.scores().get(Category.VIOLENCE)).isCloseTo(THIRD, within(1e-9));
    }

    @Test
    void readsAVisualCallbackByItsEchoedMetadata() {
        ProviderVerdict verdict = adapter().parseCallback(bytes("callback-visual-flagged.json"));

        assertThat(verdict.scores()).containsOnly(entry(Category.SEXUAL, 0.01), entry(Category.VIOLENCE, 0.9),
                entry(Category.HATE, 0.25));
    }

    @Test
    void aCallbackWithoutMetadataIsReadByItsShape() {
        ClassifierAdapter adapter = adapter();

        assertThat(adapter.parseCallback(bytes("text-sync-flagged.json")).scores()).containsEntry(Category.PII, 0.0);
        assertThat(adapter.parseCallback(bytes("visual-flagged.json")).scores()).containsEntry(Category.HATE, 0.25);
    }

    @ParameterizedTest
    @CsvSource({"task-error-2100.json, BAD_REQUEST, 2100", "task-error-3000.json, UNAVAILABLE, 3000",
            "task-error-3401.json, TIMEOUT, 3401"})
    void aFailedTaskInASyncAnswerHasTheKindOfItsErrorCode(String fixture, Kind kind, String code) {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, fixture)));

        ProviderException failure = failure(adapter(), context(), new ContentPart.Image(IMAGE_URL));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure).hasMessageContaining("error_code " + code).hasMessageNotContaining("cdn.example.com")
                .hasMessageNotContaining("example-cdn");
    }

    @ParameterizedTest
    @CsvSource({"task-error-2100.json, BAD_REQUEST", "task-error-3000.json, UNAVAILABLE",
            "task-error-3401.json, TIMEOUT"})
    void aFailedTaskInACallbackHasTheKindOfItsErrorCode(String fixture, Kind kind) {
        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> adapter().parseCallback(bytes(fixture)));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure).hasMessageNotContaining("cdn.example.com");
    }

    @ParameterizedTest
    @CsvSource({"2213, BAD_REQUEST", "4100, UNAVAILABLE", "3300, BAD_REQUEST", "1000, UNAVAILABLE",
            "'\"oops\"', INVALID_RESPONSE"})
    void undocumentedTaskErrorCodesFollowHivesRanges(String code, Kind kind) {
        String task = "{\"id\":\"t-1\",\"status\":[{\"status\":{\"code\":\"1\",\"message\":\"FAILED\"},"
                + "\"error_code\":" + code + "}]}";

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> adapter().parseCallback(task.getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure).hasMessageNotContaining("oops");
    }

    @Test
    void hivesRateLimitIsRateLimitedWithItsWait() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(429, "error-429.json")
                .withHeader("Retry-After", "3")));

        ProviderException failure = failure(adapter(), context(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(failure).hasMessageContaining("Project has been rate limited");
    }

    @Test
    void aRejectedKeyIsAuthAndNeverRepeatsHivesText() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"return_code\":403,\"message\":\"bad token " + TEXT_KEY + "\"}")));

        ProviderException failure = failure(adapter(), context(), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH);
        assertThat(failure).hasMessageContaining("text-api-key").hasMessageNotContaining(TEXT_KEY);
    }

    @Test
    void aVendorMessageQuotingTheCallbackTokenIsWithheld() {
        vendor.stubFor(post(urlEqualTo(ASYNC_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"return_code\":400,\"message\":\"bad callback " + CALLBACK_URL + "\"}")));

        ProviderException failure = failure(adapter(), callbackContext(CALLBACK_URL), new ContentPart.Text("hello"));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure).hasMessageNotContaining("tok-0123456789abcdef");
    }

    @ParameterizedTest
    @CsvSource({"4, text_data", "1.5, text_data", "1.2, url", "'\"high\"', url"})
    void aScoreOffItsScaleIsAnInvalidResponse(String score, String field) {
        boolean text = field.equals("text_data");
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(okJson("{\"id\":\"t-1\",\"status\":[{\"status\":"
                + "{\"code\":\"0\"},\"response\":{" + (text ? "\"language\":\"EN\"," : "")
                + "\"output\":[{\"classes\":[{\"class\":\"hate\",\"score\":" + score + "}]}]}}]}")));

        ProviderException failure = failure(adapter(), context(),
                text ? new ContentPart.Text(TEXT) : new ContentPart.Image(IMAGE_URL));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void modeSyncIgnoresTheCallbackUrlAndDeclaresNoCallbacks() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "text-sync-flagged.json")));
        ClassifierAdapter adapter = adapterWith(Map.of("mode", "sync"));

        ProviderVerdict verdict = classifyAsync(adapter, new ContentPart.Text(TEXT));

        assertThat(adapter.capabilities().async()).isFalse();
        assertThat(verdict.scores()).containsEntry(Category.SEXUAL, 1.0);
        vendor.verify(0, postRequestedFor(urlEqualTo(ASYNC_PATH)));
    }

    @Test
    void modeAsyncRefusesASyncModerationBeforeAnyCall() {
        int before = http.requests();

        ProviderException failure = failure(adapterWith(Map.of("mode", "async")), context(),
                new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(http.requests()).isEqualTo(before);
    }

    @Test
    void modeAsyncRefusesInputThatNeedsSeveralTasksBeforeAnyCall() {
        int before = http.requests();

        ProviderException failure = failure(adapterWith(Map.of("mode", "async")), callbackContext(CALLBACK_URL),
                new ContentPart.Text(TEXT), new ContentPart.Image(IMAGE_URL));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(failure).hasMessageContaining("mode auto");
        assertThat(http.requests()).isEqualTo(before);
    }

    @Test
    void textOverTheProjectsLimitIsRefusedBeforeAnyCallCountingCharactersNotBytes() {
        vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, "text-clean.json")));
        ClassifierAdapter adapter = adapterWith(Map.of("max-text-length", "10"));
        int before = http.requests();

        ProviderException failure = failure(adapter, context(), new ContentPart.Text("0123456789!"));
        classify(adapter, new ContentPart.Text("\uD83D\uDE00".repeat(10)));

        assertThat(failure.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(failure).hasMessageContaining("max-text-length").hasMessageNotContaining("0123456789");
        assertThat(http.requests()).isEqualTo(before + 1);
    }

    @Test
    void theKeysThatAreSetDecideTheModalities() {
        Map<String, String> textOnly = new HashMap<>(settings());
        textOnly.remove("visual-api-key");
        Map<String, String> visualOnly = new HashMap<>(settings());
        visualOnly.remove("text-api-key");
        int before = http.requests();

        ClassifierAdapter text = adapter(textOnly);
        ProviderException refused = failure(text, context(), new ContentPart.Image(IMAGE_URL));

        assertThat(text.capabilities().modalities()).containsExactly(Modality.TEXT);
        assertThat(adapter(visualOnly).capabilities().modalities()).containsExactly(Modality.IMAGE);
        assertThat(refused.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(http.requests()).isEqualTo(before);
    }

    @Test
    void theAdapterPrintsNoKey() {
        assertThat(adapter().toString()).doesNotContain(TEXT_KEY).doesNotContain(VISUAL_KEY).contains("****");
    }

    private Map<String, String> settings() {
        return Map.of("base-url", vendor.baseUrl() + "/api", "text-api-key", TEXT_KEY, "visual-api-key",
                VISUAL_KEY);
    }

    @Override
    protected ClassifierAdapterType adapterType() {
        return new HiveAdapterType();
    }

    private ClassifierAdapter adapter() {
        return adapter(settings());
    }

    private ClassifierAdapter adapterWith(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(settings());
        settings.putAll(extra);
        return adapter(settings);
    }

    private ProviderVerdict classifyAsync(ClassifierAdapter adapter, ContentPart... parts) {
        return classify(adapter, callbackContext(CALLBACK_URL), parts);
    }

    private static byte[] bytes(String fixture) {
        return HiveFixtures.body(fixture).getBytes(StandardCharsets.UTF_8);
    }

    private List<String> partNames() {
        return vendor.getAllServeEvents().get(0).getRequest().getParts().stream()
                .map(part -> part.getName()).toList();
    }
}
