package dev.warden.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.testkit.KitSettings;

class OpenAiSettingsTest {

    private static final String API_KEY = "sk-test-settings-42";

    @Test
    void defaultsToOpenAisOwnEndpointAndTheLatestOmniModel() {
        OpenAiSettings settings = read(Map.of("api-key", API_KEY));

        assertThat(settings.moderationsUri()).isEqualTo(URI.create("https://api.openai.com/v1/moderations"));
        assertThat(settings.model()).isEqualTo("omni-moderation-latest");
        assertThat(settings.headers()).containsExactly(Map.entry("Authorization", "Bearer " + API_KEY));
    }

    @Test
    void appendsTheOperationPathToABaseUrlWithATrailingSlash() {
        OpenAiSettings settings = read(Map.of("api-key", API_KEY, "base-url", "https://proxy.internal/openai/v1/"));

        assertThat(settings.moderationsUri()).isEqualTo(URI.create("https://proxy.internal/openai/v1/moderations"));
    }

    @Test
    void sendsOrganizationAndProjectWhenSet() {
        OpenAiSettings settings = read(Map.of("api-key", API_KEY, "organization", "org-warden", "project",
                "proj_warden"));

        assertThat(settings.headers()).containsEntry("OpenAI-Organization", "org-warden")
                .containsEntry("OpenAI-Project", "proj_warden");
    }

    @Test
    void requiresAnApiKey() {
        InvalidSettingsException failure = invalid(Map.of("model", "omni-moderation-latest"));

        assertThat(failure).hasMessageContaining("warden.providers.under-test.api-key");
    }

    @Test
    void refusesAnApiKeyThatWouldBreakTheHeaderWithoutRepeatingIt() {
        InvalidSettingsException failure = invalid(Map.of("api-key", "sk-test oops"));

        assertThat(failure).hasMessageContaining("api-key").hasMessageNotContaining("sk-test");
    }

    @Test
    void refusesAnOrganizationWithControlCharacters() {
        InvalidSettingsException failure = invalid(Map.of("api-key", API_KEY, "organization", "org-a\u0000b"));

        assertThat(failure).hasMessageContaining("organization");
    }

    @Test
    void refusesABaseUrlWithAQuery() {
        InvalidSettingsException failure = invalid(Map.of("api-key", API_KEY, "base-url",
                "https://api.openai.com/v1?tenant=a"));

        assertThat(failure).hasMessageContaining("base-url");
    }

    @Test
    void neverPrintsTheApiKey() {
        assertThat(read(Map.of("api-key", API_KEY))).asString().doesNotContain(API_KEY);
    }

    private static OpenAiSettings read(Map<String, String> values) {
        return OpenAiSettings.read(new ProviderSettings("under-test", new HashMap<>(values)));
    }

    private static InvalidSettingsException invalid(Map<String, String> values) {
        return KitSettings.refused(() -> read(values));
    }
}
