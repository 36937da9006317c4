package dev.warden.adapters.azurecontentsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.testkit.KitSettings;

/** Bad settings fail start-up naming the key, never echoing the key's secret value. */
class AzureSettingsTest {

    private static final String API_KEY = "azure-key-0123456789abcdef";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "base-url|not a url",
            "base-url|https://res.cognitiveservices.azure.com?x=1",
            "api-key|key with spaces",
            "api-version|latest",
            "api-version|2024-09-01&evil=1",
            "output-type|SixSeverityLevels",
            "categories|Hate,Harassment",
            "categories|Hate,Hate",
            "categories|' , '",
            "blocklist-names|my terms",
            "blocklist-names|" + "x" + "0123456789012345678901234567890123456789012345678901234567890123",
            "halt-on-blocklist-hit|yes",
            "blocklist-category|offensive",
            "labels.Hate|hate,offensive"})
    void aBadValueFailsStartUpNamingTheKey(String key, String value) {
        Map<String, String> values = valid();
        values.put(key, value);

        InvalidSettingsException failure = invalid(values);

        assertThat(failure.getMessage()).contains("warden.providers.azure." + key).doesNotContain(API_KEY);
    }

    @ParameterizedTest
    @CsvSource({"base-url", "api-key"})
    void aMissingRequiredSettingFailsStartUpNamingIt(String key) {
        Map<String, String> values = valid();
        values.remove(key);

        InvalidSettingsException failure = invalid(values);

        assertThat(failure).hasMessageContaining("warden.providers.azure." + key + " is required");
    }

    @Test
    void defaultsAreTheGaVersionAllCategoriesAndFourLevels() {
        AzureSettings settings = AzureSettings.read(new ProviderSettings("azure", valid()));

        assertThat(settings.textUri()).hasToString(
                "https://res.cognitiveservices.azure.com/contentsafety/text:analyze?api-version=2024-09-01");
        assertThat(settings.imageUri()).hasToString(
                "https://res.cognitiveservices.azure.com/contentsafety/image:analyze?api-version=2024-09-01");
        assertThat(settings.categories()).containsExactly("Hate", "SelfHarm", "Sexual", "Violence");
        assertThat(settings.textLevels()).isEqualTo(SeverityLevels.FOUR);
        assertThat(settings.blocklistNames()).isEmpty();
        assertThat(settings.haltOnBlocklistHit()).isFalse();
        assertThat(settings.blocklistCategory()).isEmpty();
    }

    @Test
    void aPreviewVersionAndATrailingSlashAreAccepted() {
        Map<String, String> values = valid();
        values.put("base-url", "https://res.cognitiveservices.azure.com/");
        values.put("api-version", "2024-02-15-preview");

        AzureSettings settings = AzureSettings.read(new ProviderSettings("azure", values));

        assertThat(settings.textUri()).hasToString(
                "https://res.cognitiveservices.azure.com/contentsafety/text:analyze?api-version=2024-02-15-preview");
    }

    @Test
    void toStringNeverPrintsTheKey() {
        AzureSettings settings = AzureSettings.read(new ProviderSettings("azure", valid()));

        assertThat(settings.toString()).doesNotContain(API_KEY).contains("text:analyze");
    }

    private static Map<String, String> valid() {
        Map<String, String> values = new HashMap<>();
        values.put("base-url", "https://res.cognitiveservices.azure.com");
        values.put("api-key", API_KEY);
        return values;
    }

    private static InvalidSettingsException invalid(Map<String, String> values) {
        return KitSettings.refused(() -> AzureSettings.read(new ProviderSettings("azure", values)));
    }
}
