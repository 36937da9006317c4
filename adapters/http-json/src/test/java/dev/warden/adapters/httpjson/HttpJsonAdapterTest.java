package dev.warden.adapters.httpjson;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentPart;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ProviderVerdict;
import dev.warden.testkit.VendorAdapterTestBase;

/** The configurable adapter against a WireMock vendor: each auth, source, scale and status setting on the wire. */
class HttpJsonAdapterTest extends VendorAdapterTestBase {

    private static final String PATH = "/v1/score";
    private static final String KEY = "json-key-0123456789";
    private static final String TEXT = "you are a \"clown\"\n}";
    private static final String IMAGE_URL = "https://cdn.example.com/u/7f3a.png";

    @BeforeEach
    void stubTheDefaultAnswer() {
        vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"model\":\"v7\",\"scores\":{\"toxic\":0.9,\"spam\":0.1}}")));
    }

    @Test
    void sendsTheTemplateWithTheTextAsAJsonValueAndTheBearerKey() {
        classify(adapterWith(Map.of("auth", "bearer", "api-key", KEY)), new ContentPart.Text(TEXT));

        vendor.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"input\":" + json(TEXT) + "}")));
    }

    @Test
    void sendsTheKeyInANamedHeaderWithTheConfiguredMethodAndContentType() {
        classify(adapterWith(Map.of("auth", "header", "auth-name", "X-Api-Key", "api-key", KEY, "method", "PUT",
                "request.content-type", "application/vnd.acme+json")), new ContentPart.Text(TEXT));

        vendor.verify(putRequestedFor(urlEqualTo(PATH)).withHeader("X-Api-Key", equalTo(KEY))
                .withHeader("Content-Type", equalTo("application/vnd.acme+json")).withoutHeader("Authorization"));
    }

    @Test
    void sendsTheKeyAsAQueryParameter() {
        classify(adapterWith(Map.of("auth", "query", "auth-name", "key", "api-key", KEY)), new ContentPart.Text(TEXT));

        vendor.verify(postRequestedFor(urlEqualTo(PATH + "?key=" + KEY)));
    }

    @Test
    void mapsLabelsOntoCategoriesAndKeepsTheRestVendorOnly() {
        ProviderVerdict verdict = classify(adapterWith(Map.of("categories.toxic", "toxicity,harassment",
                "response.model", "/model")), new ContentPart.Text(TEXT));

        assertThat(verdict.scores()).containsOnly(entry(Category.TOXICITY, 0.9), entry(Category.HARASSMENT, 0.9));
        assertThat(verdict.vendorScores()).containsOnly(entry("toxic", 0.9), entry("spam", 0.1));
        assertThat(verdict.model()).isEqualTo("v7");
    }

    @Test
    void readsEachLabelAtItsOwnPointer() {
        vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"result\":[{\"toxic\":0.4,\"hate\":null}]}")));
        Map<String, String> settings = settings(Map.of("response.scores.toxic", "/result/0/toxic",
                "response.scores.hate", "/result/0/hate", "categories.toxic", "toxicity", "categories.hate", "hate",
                "model", "acme-2"));
        settings.remove("response.labels");

        ProviderVerdict verdict = classify(adapter(settings), new ContentPart.Text(TEXT));

        assertThat(verdict.scores()).as("null: not evaluated").containsOnly(entry(Category.TOXICITY, 0.4));
        assertThat(verdict.model()).isEqualTo("acme-2");
    }

    @Test
    void aMissingScorePointerIsAnInvalidResponseNamingIt() {
        vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"result\":[]}")));
        Map<String, String> settings = settings(Map.of("response.scores.toxic", "/result/0/toxic"));
        settings.remove("response.labels");

        ProviderException failure = failure(adapter(settings), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure).hasMessageContaining("/result/0/toxic");
    }

    @ParameterizedTest
    @CsvSource({"percent, 93, 0.93", "levels:7, 4, 0.5714285714285714", "boolean, true, 1.0", "boolean, false, 0.0",
            "probability, 0.25, 0.25"})
    void convertsTheConfiguredScale(String scale, String raw, double unit) {
        vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"scores\":{\"toxic\":" + raw + "}}")));

        ProviderVerdict verdict = classify(adapterWith(Map.of("scale", scale, "categories.toxic", "toxicity")),
                new ContentPart.Text(TEXT));

        assertThat(verdict.scores().get(Category.TOXICITY)).isCloseTo(unit, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"percent, 101", "levels:3, 2.5", "boolean, 1", "probability, '\"high\"'", "probability, -0.1"})
    void aScoreOffItsScaleIsAnInvalidResponse(String scale, String raw) {
        vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"scores\":{\"toxic\":" + raw + "}}")));

        ProviderException failure = failure(adapterWith(Map.of("scale", scale)), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void labelsNamedInGeneratedTextScoreOneAndKnownLabelsNotNamedScoreZero() {
        vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"choices\":[{\"message\":{\"content\":"
                + "\"unsafe\\nS1,S5\"}}]}")));
        Map<String, String> settings = settings(Map.of("response.text", "/choices/0/message/content",
                "response.text-labels", "S\\d+", "categories.S1", "violence", "categories.S10", "hate"));
        settings.remove("response.labels");

        ProviderVerdict verdict = classify(adapter(settings), new ContentPart.Text(TEXT));

        assertThat(verdict.scores()).containsOnly(entry(Category.VIOLENCE, 1.0), entry(Category.HATE, 0.0));
        assertThat(verdict.vendorScores()).containsOnly(entry("S1", 1.0), entry("S5", 1.0), entry("S10", 0.0));
    }

    @Test
    void sendsTheImageUrlAndRefusesASecondImageBeforeAnyCall() {
        ClassifierAdapter adapter = adapterWith(Map.of("modalities", "text,image", "request.template",
                "{\"text\":${text},\"image\":${image_url}}"));
        classify(adapter, new ContentPart.Image(IMAGE_URL));
        int before = http.requests();

        ProviderException refused = failure(adapter, new ContentPart.Image(IMAGE_URL),
                new ContentPart.Image(IMAGE_URL + "?2"));

        vendor.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"text\":\"\",\"image\":"
                + json(IMAGE_URL) + "}")));
        assertThat(refused.kind()).isEqualTo(Kind.UNSUPPORTED);
        assertThat(http.requests()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"420, RATE_LIMITED", "529, UNAVAILABLE", "407, AUTH", "429, RATE_LIMITED", "503, UNAVAILABLE",
            "404, BAD_REQUEST"})
    void theConfiguredStatusesMeanTheirKinds(int status, Kind kind) {
        vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Retry-After", "4")));

        ProviderException failure = failure(adapterWith(Map.of("status.rate-limited", "420,429", "status.auth",
                "401,403,407")), new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(kind);
        if (kind == Kind.RATE_LIMITED) {
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(4));
        }
    }

    @Test
    void readsTheErrorAtTheConfiguredPointersAndWithholdsWhatQuotesTheContent() {
        vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"code\":\"too_long\",\"detail\":\"input exceeds 512 tokens\"}")));
        ClassifierAdapter adapter = adapterWith(Map.of("error.code", "/code", "error.message", "/detail"));

        ProviderException failure = failure(adapter, new ContentPart.Text(TEXT));
        vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"code\":\"bad\",\"detail\":\"cannot score " + json(TEXT) + "\"}")));
        ProviderException quoting = failure(adapter, new ContentPart.Text(TEXT));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure).hasMessageContaining("too_long").hasMessageContaining("input exceeds 512 tokens");
        assertThat(quoting).hasMessageNotContaining("clown");
    }

    @Test
    void theAdapterPrintsNoKey() {
        assertThat(adapterWith(Map.of("auth", "query", "auth-name", "key", "api-key", KEY)).toString())
                .doesNotContain(KEY);
    }

    private Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", vendor.baseUrl() + PATH);
        settings.put("request.template", "{\"input\":${text}}");
        settings.put("response.labels", "/scores");
        settings.putAll(extra);
        return settings;
    }

    @Override
    protected ClassifierAdapterType adapterType() {
        return new HttpJsonAdapterType();
    }

    private ClassifierAdapter adapterWith(Map<String, String> extra) {
        return adapter(settings(extra));
    }

    private static String json(String text) {
        return TextNode.valueOf(text).toString();
    }
}
