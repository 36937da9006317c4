package dev.warden.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsSpecTest {

    private static final SettingsSpec SPEC = SettingsSpec.builder()
            .url("base-url", "The API root.", "https://api.acme.example/v1")
            .secret("api-key", "The API key.").required().headerSafe()
            .string("model", "The model.", "acme-1")
            .string("project", "Sent as `Acme-Project`.", null).headerSafe()
            .choice("mode", "How to call.", "sync", "sync", "async")
            .integer("max-text-length", "Longer is refused.", 1024, 1, 10_000)
            .number("min-confidence", "Below is dropped.", 0.5, 0.0, 1.0)
            .bool("halt", "Stop on a hit.", false)
            .list("models", "Which models.", "nudity,gore")
            .duration("poll", "How often.", "2s")
            .prefix("labels", "Crosswalk overrides: `cat1,cat2` or empty.")
            .prefix("rules.<rule>.terms", "Terms of a rule.")
            .integer("max-parts", "Parts per call.", null, 1, Integer.MAX_VALUE)
            .build();

    private static ReadSettings read(Map<String, String> values) {
        return SPEC.read(new ProviderSettings("p", values));
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> values = new HashMap<>(Map.of("api-key", "sk-secret-123"));
        values.put(key, value);
        return values;
    }

    private static InvalidSettingsException invalid(Map<String, String> values) {
        InvalidSettingsException failure = catchThrowableOfType(InvalidSettingsException.class, () -> read(values));
        assertThat(failure).isNotNull();
        return failure;
    }

    @Test
    void readsEveryKeyWithDefaults() {
        ProviderSettings source = new ProviderSettings("p", Map.of("api-key", "sk-secret-123",
                "labels.nudity.erotica", "sexual", "labels.swimwear", "", "rules.spam.terms", "pills"));

        ReadSettings settings = SPEC.read(source);

        assertThat(settings.url("base-url")).isEqualTo(URI.create("https://api.acme.example/v1"));
        assertThat(settings.string("api-key")).isEqualTo("sk-secret-123");
        assertThat(settings.string("model")).isEqualTo("acme-1");
        assertThat(settings.optional("project")).isEmpty();
        assertThat(settings.string("mode")).isEqualTo("sync");
        assertThat(settings.integer("max-text-length")).isEqualTo(1024);
        assertThat(settings.number("min-confidence")).isEqualTo(0.5);
        assertThat(settings.bool("halt")).isFalse();
        assertThat(settings.list("models")).containsExactly("nudity", "gore");
        assertThat(settings.duration("poll")).contains(Duration.ofSeconds(2));
        assertThat(settings.children("labels")).containsOnly(Map.entry("nudity.erotica", "sexual"),
                Map.entry("swimwear", ""));
        assertThat(settings.children("rules.<rule>.terms")).containsOnly(Map.entry("spam.terms", "pills"));
        assertThat(source.unread()).isEmpty();
        assertThat(source.requested()).contains("base-url", "api-key", "model", "project", "mode", "labels.swimwear");
    }

    @Test
    void readsConfiguredValues() {
        Map<String, String> values = new HashMap<>(Map.of("api-key", "k", "base-url", "http://127.0.0.1:8080/v1/",
                "mode", "async", "max-text-length", "10000", "min-confidence", "0", "halt", "TRUE",
                "models", "a\\,b, c", "poll", "250ms"));

        ReadSettings settings = read(values);

        assertThat(settings.url("base-url")).isEqualTo(URI.create("http://127.0.0.1:8080/v1"));
        assertThat(settings.string("mode")).isEqualTo("async");
        assertThat(settings.integer("max-text-length")).isEqualTo(10_000);
        assertThat(settings.number("min-confidence")).isEqualTo(0.0);
        assertThat(settings.bool("halt")).isTrue();
        assertThat(settings.list("models")).containsExactly("a,b", "c");
        assertThat(settings.duration("poll")).contains(Duration.ofMillis(250));
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        assertThat(invalid(Map.of())).hasMessage("warden.providers.p.api-key is required");
        assertThat(invalid(with("mode", "later"))).hasMessageContaining("mode").hasMessageContaining("[async, sync]");
        assertThat(invalid(with("max-text-length", "0"))).hasMessageContaining("max-text-length must be within 1..10000");
        assertThat(invalid(with("max-text-length", "ten"))).hasMessageContaining("whole number");
        assertThat(invalid(with("max-parts", "0"))).hasMessageContaining("max-parts must be at least 1");
        assertThat(invalid(with("min-confidence", "1.5"))).hasMessageContaining("min-confidence");
        assertThat(invalid(with("halt", "yes"))).hasMessageContaining("halt");
        assertThat(invalid(with("poll", "soon"))).hasMessageContaining("poll");
        assertThat(invalid(with("base-url", "not a url"))).hasMessageContaining("base-url");
        assertThat(invalid(with("base-url", "https://a.example/v1?key=x"))).hasMessageContaining("query");
        assertThat(invalid(with("project", "two words"))).hasMessageContaining("project");
    }

    @Test
    void neverEchoesASecret() {
        InvalidSettingsException failure = invalid(Map.of("api-key", "sk-with\nnewline"));

        assertThat(failure).hasMessageContaining("api-key").hasMessageNotContaining("sk-with");
    }

    @Test
    void toStringHidesSecretsAndSecretValuesListsThem() {
        ReadSettings settings = read(Map.of("api-key", "sk-secret-123", "project", "proj_1"));

        assertThat(settings.toString()).contains("api-key=****", "project=proj_1", "model=acme-1")
                .doesNotContain("sk-secret-123");
        assertThat(settings.secretValues()).containsExactly("sk-secret-123");
    }

    @Test
    void aKeyOrTypeNotDeclaredIsAProgrammingError() {
        ReadSettings settings = read(Map.of("api-key", "k"));

        assertThatThrownBy(() -> settings.string("modle")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.integer("model")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.string("project")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coversDeclaredKeysAndChildrenOfPrefixes() {
        assertThat(SPEC.covers("api-key")).isTrue();
        assertThat(SPEC.covers("labels.nudity.erotica")).isTrue();
        assertThat(SPEC.covers("labels")).isFalse();
        assertThat(SPEC.covers("api_key")).isFalse();
        assertThat(SPEC.covers("rules.spam.terms")).isTrue();
        assertThat(SPEC.covers("rules.spam.score")).isFalse();
        assertThat(SPEC.covers("rules.terms")).isFalse();
    }

    @Test
    void theBuilderRefusesContradictions() {
        assertThatThrownBy(() -> SettingsSpec.builder().string("a", "x", null).string("a", "y", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettingsSpec.builder().string("a", "x", "d").required())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettingsSpec.builder().choice("a", "x", "c", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettingsSpec.builder().required()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rendersTheReadmeTable() {
        assertThat(SPEC.markdownTable()).isEqualTo("""
                | Key | Default | Secret | Meaning |
                |---|---|---|---|
                | `base-url` | `https://api.acme.example/v1` |  | The API root. |
                | `api-key` | required | yes | The API key. |
                | `model` | `acme-1` |  | The model. |
                | `project` | – |  | Sent as `Acme-Project`. |
                | `mode` | `sync` |  | How to call. One of `async`, `sync`. |
                | `max-text-length` | `1024` |  | Longer is refused. Range: 1..10000. |
                | `min-confidence` | `0.5` |  | Below is dropped. Range: 0..1. |
                | `halt` | `false` |  | Stop on a hit. |
                | `models` | `nudity,gore` |  | Which models. |
                | `poll` | `2s` |  | How often. A duration (`250ms`, `2s`, `1m`). |
                | `labels.<label>` | – |  | Crosswalk overrides: `cat1,cat2` or empty. |
                | `rules.<rule>.terms` | – |  | Terms of a rule. |
                | `max-parts` | – |  | Parts per call. Range: at least 1. |
                """);
        assertThat(SettingsSpec.builder().string("a", "x | y", null).build().markdownTable()).contains("x \\| y");
    }

    @Test
    void aTypeOverridesItsDescriptorOrItsDefaultSettings() {
        ClassifierAdapterType legacy = new ClassifierAdapterType() {
            @Override
            public String id() {
                return "legacy";
            }

            @Override
            public ClassifierAdapter create(ProviderContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, String> defaultSettings() {
                return Map.of("retry.max-retries", "0");
            }
        };
        AdapterDescriptor declared = new AdapterDescriptor("modern", "Modern Inc.", SPEC,
                Capabilities.sync(Modality.TEXT), Map.of("rate-limit.per-second", "5"), "5/s per the vendor docs");
        ClassifierAdapterType modern = new ClassifierAdapterType() {
            @Override
            public ClassifierAdapter create(ProviderContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AdapterDescriptor descriptor() {
                return declared;
            }
        };

        assertThat(legacy.descriptor().settings().settings()).isEmpty();
        assertThat(legacy.descriptor().id()).isEqualTo("legacy");
        assertThat(legacy.defaultSettings()).containsOnly(Map.entry("retry.max-retries", "0"));
        assertThat(modern.defaultSettings()).containsOnly(Map.entry("rate-limit.per-second", "5"));
        assertThat(List.of(modern.descriptor().declaredCapabilities().modalities())).containsExactly(
                java.util.Set.of(Modality.TEXT));
        assertThat(modern.id()).as("the descriptor's").isEqualTo("modern");
    }

    @Test
    void aTypeThatDeclaresNeitherItsIdNorItsDescriptorIsToldSoInsteadOfRecursing() {
        ClassifierAdapterType nameless = context -> {
            throw new UnsupportedOperationException();
        };

        assertThatThrownBy(nameless::id).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither id() nor descriptor()");
        assertThatThrownBy(nameless::descriptor).isInstanceOf(IllegalStateException.class);
    }
}
