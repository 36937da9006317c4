package dev.warden.adapters.httpjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderSettings;
import dev.warden.testkit.KitSettings;

/** Every configuration mistake fails at start-up, naming the key that has it. */
class HttpJsonSettingsTest {

    private static final String KEY = "json-vendor-key-42";

    @Test
    void aMinimalVendorNeedsAUrlATemplateAndWhereTheScoresAre() {
        HttpJsonSettings settings = read(minimal());

        assertThat(settings.modalities()).containsExactly(Modality.TEXT);
        assertThat(settings.endpoint().method()).isEqualTo("POST");
        assertThat(settings.endpoint().headers()).containsEntry("Content-Type", "application/json")
                .doesNotContainKey("Authorization");
        assertThat(settings.reader().model()).as("the provider id names the model by default")
                .isEqualTo("json-vendor");
    }

    @Test
    void theQueryKeyJoinsTheUrlsOwnQueryEncoded() {
        Map<String, String> values = minimal();
        values.put("url", "https://classifier.example.com/v1/score?api-version=2024-01-01");
        values.put("auth", "query");
        values.put("auth-name", "key");
        values.put("api-key", "a+b/c");

        HttpJsonSettings settings = read(values);

        assertThat(settings.endpoint().uri()).hasToString(
                "https://classifier.example.com/v1/score?api-version=2024-01-01&key=a%2Bb%2Fc");
        assertThat(settings.toString()).doesNotContain("a%2Bb%2Fc").doesNotContain("a+b/c");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "url|                       | url",
        "url| ftp://files.example.com/x | url",
        "url| https://classifier.example.com/score#top | url",
        "method| DELETE | method",
        "auth| bearer | api-key",
        "api-key| " + KEY + " | api-key",
        "auth-name| X-Key | auth-name",
        "modalities| text,audio | modalities",
        "modalities| image | request.template",
        "request.template| {\"input\":\"say ${text}\"} | request.template",
        "request.template| {\"input\":${text},\"image\":${image_url}} | request.template",
        "response.labels| | response.scores",
        "response.text| /choices/0/message/content | response.text-labels",
        "response.labels| scores | response.labels",
        "response.scores.toxic| /toxic | response.scores",
        "scale| logits | scale",
        "scale| levels:0 | scale",
        "status.auth| 401,abc | status.auth",
        "status.unavailable| 200 | status.unavailable",
        "status.unavailable| 429,500-599 | status.unavailable",
        "categories.toxic| toxicity,rudeness | categories.toxic",
        "error.message| detail | error.message",
    })
    void aMistakeFailsStartUpNamingItsKey(String key, String value, String named) {
        Map<String, String> values = minimal();
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }

        InvalidSettingsException failure = invalid(values);

        assertThat(failure).as(key + "=" + value).isNotNull()
                .hasMessageContaining("warden.providers.json-vendor." + named);
    }

    @Test
    void generatedTextNeedsItsLabelRegexAndTakesNoScale() {
        Map<String, String> values = minimal();
        values.remove("response.labels");
        values.put("response.text", "/choices/0/message/content");

        assertThat(invalid(values)).hasMessageContaining("response.text-labels");
        values.put("response.text-labels", "S(\\d+");
        assertThat(invalid(values)).hasMessageContaining("response.text-labels");
        values.put("response.text-labels", "S\\d+");
        values.put("scale", "percent");
        assertThat(invalid(values)).hasMessageContaining("scale");
    }

    @Test
    void aKeyInAHeaderNeedsTheHeadersNameAndTheNameMustBeAToken() {
        Map<String, String> values = minimal();
        values.put("auth", "header");
        values.put("api-key", KEY);

        assertThat(invalid(values)).hasMessageContaining("auth-name").hasMessageContaining("required");
        values.put("auth-name", "X-Key:evil");
        assertThat(invalid(values)).hasMessageContaining("auth-name").hasMessageContaining("header name");
    }

    @Test
    void neverRepeatsTheKeyWhenRefusingIt() {
        Map<String, String> values = minimal();
        values.put("auth", "bearer");
        values.put("api-key", "secret with spaces");

        assertThat(invalid(values)).hasMessageContaining("api-key").hasMessageNotContaining("secret with spaces");
    }

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("url", "https://classifier.example.com/v1/score");
        values.put("request.template", "{\"input\":${text}}");
        values.put("response.labels", "/scores");
        return values;
    }

    private static HttpJsonSettings read(Map<String, String> values) {
        return HttpJsonSettings.read(new ProviderSettings("json-vendor", values));
    }

    private static InvalidSettingsException invalid(Map<String, String> values) {
        return KitSettings.refused(() -> read(values));
    }
}
