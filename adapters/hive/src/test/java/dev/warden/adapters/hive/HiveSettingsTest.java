package dev.warden.adapters.hive;

import static dev.warden.adapters.hive.HiveFixtures.TEXT_KEY;
import static dev.warden.adapters.hive.HiveFixtures.VISUAL_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.warden.spi.Category;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.testkit.KitSettings;

class HiveSettingsTest {

    @Test
    void defaultsToHivesV2TaskEndpointsModeAutoAndHivesTextLimit() {
        HiveSettings settings = read(Map.of("text-api-key", TEXT_KEY));

        assertThat(settings.syncUri()).isEqualTo(URI.create("https://api.thehive.ai/api/v2/task/sync"));
        assertThat(settings.asyncUri()).isEqualTo(URI.create("https://api.thehive.ai/api/v2/task/async"));
        assertThat(settings.mode()).isEqualTo(HiveMode.AUTO);
        assertThat(settings.maxTextLength()).isEqualTo(1024);
        assertThat(settings.secretValues()).containsExactly(TEXT_KEY);
    }

    @Test
    void requiresAtLeastOneProjectKey() {
        assertThat(invalid(Map.of("mode", "sync"))).hasMessageContaining("warden.providers.hive.text-api-key")
                .hasMessageContaining("visual-api-key");
    }

    @Test
    void refusesAKeyThatWouldBreakTheHeaderWithoutRepeatingIt() {
        InvalidSettingsException failure = invalid(Map.of("visual-api-key", "hive key"));

        assertThat(failure).hasMessageContaining("visual-api-key").hasMessageNotContaining("hive key");
    }

    @Test
    void refusesAnUnknownMode() {
        assertThat(invalid(Map.of("text-api-key", TEXT_KEY, "mode", "later"))).hasMessageContaining("mode")
                .hasMessageContaining("async");
    }

    @Test
    void refusesATextLimitBelowOne() {
        assertThat(invalid(Map.of("text-api-key", TEXT_KEY, "max-text-length", "0")))
                .hasMessageContaining("max-text-length");
    }

    @Test
    void refusesABaseUrlWithAQuery() {
        assertThat(invalid(Map.of("text-api-key", TEXT_KEY, "base-url", "https://api.thehive.ai/api?x=1")))
                .hasMessageContaining("base-url");
    }

    @Test
    void classOverridesReplaceOrRemoveTheBuiltInRows() {
        Map<String, String> values = new HashMap<>(Map.of("text-api-key", TEXT_KEY, "visual-api-key", VISUAL_KEY));
        values.put("text-classes.spam", "");
        values.put("text-classes.promotions", "spam");
        values.put("visual-classes.general_suggestive", "sexual");

        HiveSettings settings = read(values);

        assertThat(settings.textClasses().categories("spam")).isEmpty();
        assertThat(settings.textClasses().categories("promotions")).containsExactly(Category.SPAM);
        assertThat(settings.textClasses().categories("hate")).containsExactly(Category.HATE);
        assertThat(settings.visualClasses().categories("general_suggestive")).containsExactly(Category.SEXUAL);
    }

    @Test
    void refusesAnOverrideNamingAnUnknownCategory() {
        assertThat(invalid(Map.of("text-api-key", TEXT_KEY, "text-classes.spam", "junk")))
                .hasMessageContaining("text-classes.spam").hasMessageContaining("junk");
    }

    @Test
    void printsNoKey() {
        HiveSettings settings = read(Map.of("text-api-key", TEXT_KEY, "visual-api-key", VISUAL_KEY));

        assertThat(settings.toString()).doesNotContain(TEXT_KEY).doesNotContain(VISUAL_KEY);
    }

    private static HiveSettings read(Map<String, String> values) {
        return HiveSettings.read(new ProviderSettings("hive", values));
    }

    private static InvalidSettingsException invalid(Map<String, String> values) {
        return KitSettings.refused(() -> read(values));
    }
}
