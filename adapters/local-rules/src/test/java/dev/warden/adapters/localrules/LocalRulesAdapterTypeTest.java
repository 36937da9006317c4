package dev.warden.adapters.localrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderSettings;

class LocalRulesAdapterTypeTest {

    private final LocalRulesAdapterType type = new LocalRulesAdapterType();

    @Test
    void isTheLocalRulesType() {
        assertThat(type.id()).isEqualTo("local-rules");
    }

    @Test
    void needsNoSettingsAtAll() {
        ProviderSettings settings = settings(Map.of());

        type.create(context(settings));

        assertThat(settings.unread()).isEmpty();
    }

    @Test
    void rejectsACategoryOutsideTheTaxonomy() {
        assertInvalid(Map.of("categories.hatred.terms", "x"), "warden.providers.rules.categories.hatred ",
                "self_harm");
    }

    @Test
    void rejectsAnInvalidRegexNamingTheKey() {
        assertInvalid(Map.of("categories.spam.patterns", "free (money"), "categories.spam.patterns", "free (money");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "NaN", "high"})
    void rejectsAScoreOutsideZeroToOne(String score) {
        assertInvalid(Map.of("categories.spam.terms", "x", "categories.spam.score", score),
                "categories.spam.score");
    }

    @Test
    void rejectsADefaultListThatIsNotABoolean() {
        assertInvalid(Map.of("default-list", "yes"), "default-list", "true or false");
    }

    @Test
    void rejectsAProviderWithNoRulesAtAll() {
        assertInvalid(Map.of("default-list", "false"), "default-list", "nothing could ever match");
    }

    @Test
    void rejectsATermThatNormalizesToNothing() {
        assertInvalid(Map.of("categories.spam.terms", "buy now, !!!"), "categories.spam.terms", "'!!!'");
    }

    @Test
    void leavesAMisspelledCategorySettingUnreadSoStartUpFails() {
        ProviderSettings settings = settings(Map.of("categories.hate.terms", "x", "categories.hate.termz", "y",
                "categories.hate", "z"));

        type.create(context(settings));

        assertThat(settings.unread()).containsExactly("categories.hate", "categories.hate.termz");
    }

    @ParameterizedTest
    @ValueSource(strings = { "max-text-length", "max-parts" })
    void rejectsALimitBelowOneNamingTheKey(String key) {
        assertInvalid(Map.of(key, "0"), "warden.providers.rules." + key, "must be at least 1, got 0");
    }

    @Test
    void rejectsALimitThatIsNotANumber() {
        assertInvalid(Map.of("max-text-length", "lots"), "warden.providers.rules.max-text-length",
                "must be a whole number");
    }

    private void assertInvalid(Map<String, String> values, String... messageParts) {
        InvalidSettingsException failure = catchThrowableOfType(InvalidSettingsException.class,
                () -> type.create(context(settings(values))));

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(messageParts);
    }

    private static ProviderSettings settings(Map<String, String> values) {
        return new ProviderSettings("rules", values);
    }

    private static ProviderContext context(ProviderSettings settings) {
        return new ProviderContext("rules", settings, null);
    }
}
