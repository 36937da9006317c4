package dev.warden.adapters.sightengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.testkit.KitSettings;

/** Bad settings fail start-up naming the key, never echoing the secret. */
class SightengineSettingsTest {

    private static final String API_SECRET = "se-secret-abcdefghijklmnop";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "base-url|ftp://api.sightengine.com",
            "base-url|https://api.sightengine.com/1.0?api_secret=x",
            "models|nudity-2.1,gore 2.0",
            "models|' , '",
            "text-mode|standard",
            "text-models|general&evil=1",
            "lang|english",
            "lang|en;fr",
            "opt-countries|us,g b",
            "text-list|tli abc",
            "labels.nudity.erotica|sexual,nsfw"})
    void aBadValueFailsStartUpNamingTheKey(String key, String value) {
        Map<String, String> values = valid();
        values.put("text-mode", key.equals("text-mode") ? value : key.equals("text-models") ? "ml" : "rules");
        values.put(key, value);

        InvalidSettingsException failure = invalid(values);

        assertThat(failure.getMessage()).contains("warden.providers.se." + key).doesNotContain(API_SECRET);
    }

    @ParameterizedTest
    @CsvSource({"opt-countries, us", "text-list, tli_abc123"})
    void ruleOptionsInMlModeFailStartUp(String key, String value) {
        Map<String, String> values = valid();
        values.put(key, value);

        InvalidSettingsException failure = invalid(values);

        assertThat(failure).hasMessageContaining("warden.providers.se." + key + " applies to text-mode "
                + "rules only");
    }

    @Test
    void textModelsInRulesModeFailStartUp() {
        Map<String, String> values = valid();
        values.put("text-mode", "rules");
        values.put("text-models", "general");

        InvalidSettingsException failure = invalid(values);

        assertThat(failure).hasMessageContaining("warden.providers.se.text-models applies to text-mode "
                + "ml only");
    }

    @ParameterizedTest
    @CsvSource({"api-user", "api-secret"})
    void missingCredentialsFailStartUp(String key) {
        Map<String, String> values = valid();
        values.remove(key);

        InvalidSettingsException failure = invalid(values);

        assertThat(failure).hasMessageContaining("warden.providers.se." + key + " is required");
    }

    @Test
    void defaultsAreThePublicApiTheDocumentedModelsAndMlText() {
        SightengineSettings settings = SightengineSettings.read(new ProviderSettings("se", valid()));

        assertThat(settings.imageUri()).hasToString("https://api.sightengine.com/1.0/check.json");
        assertThat(settings.textUri()).hasToString("https://api.sightengine.com/1.0/text/check.json");
        assertThat(settings.models()).containsExactly("nudity-2.1", "weapon", "recreational_drug", "gore-2.0");
        assertThat(settings.textMode()).isEqualTo(TextMode.ML);
        assertThat(settings.textModels()).containsExactly("general", "self-harm");
        assertThat(settings.lang()).isEqualTo("en");
    }

    @Test
    void toStringNeverPrintsTheSecretOrTheUser() {
        SightengineSettings settings = SightengineSettings.read(new ProviderSettings("se", valid()));

        assertThat(settings.toString()).doesNotContain(API_SECRET).doesNotContain("api-user-42").contains("check.json");
    }

    private static Map<String, String> valid() {
        Map<String, String> values = new HashMap<>();
        values.put("api-user", "api-user-42");
        values.put("api-secret", API_SECRET);
        return values;
    }

    private static InvalidSettingsException invalid(Map<String, String> values) {
        return KitSettings.refused(() -> SightengineSettings.read(new ProviderSettings("se", values)));
    }
}
