package dev.warden.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.warden.api.problems.ProblemException;
import dev.warden.config.OpenAiCompatConfig;
import dev.warden.spi.InvalidSettingsException;

/** The model → policy mapping: its own entry, then the default, else not found; bad settings fail start-up. */
class ModelPoliciesTest {

    @Test
    void aMappedModelUsesItsPolicyAndAnyOtherTheDefault() {
        ModelPolicies policies = new ModelPolicies(config(Map.of("omni-moderation-latest", "strict"),
                Optional.of("default")), catalog("default", "strict"));

        assertThat(policies.policyFor("omni-moderation-latest")).isEqualTo("strict");
        assertThat(policies.policyFor("text-moderation-stable")).isEqualTo("default");
    }

    @Test
    void anUnmappedModelWithoutADefaultIsNotFound() {
        ModelPolicies policies = new ModelPolicies(config(Map.of("omni-moderation-latest", "strict"),
                Optional.empty()), catalog("strict"));

        assertThatThrownBy(() -> policies.policyFor("gpt-4o")).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.status()).isEqualTo(404);
                    assertThat(problem.type()).isEqualTo(OpenAiErrors.MODEL_NOT_FOUND);
                    assertThat(problem.fieldProblems()).extracting(field -> field.field()).containsExactly("model");
                });
    }

    @Test
    void aMappingToAPolicyThatDoesNotExistFailsStartUpNamingTheKey() {
        assertThatThrownBy(() -> new ModelPolicies(config(Map.of("omni-moderation-latest", "strcit"),
                Optional.empty()), catalog("default", "strict")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("warden.openai-compat.models.omni-moderation-latest")
                .hasMessageContaining("'strcit'")
                .hasMessageContaining("default, strict");
    }

    @Test
    void aDefaultPolicyThatDoesNotExistFailsStartUpNamingTheKey() {
        assertThatThrownBy(() -> new ModelPolicies(config(Map.of(), Optional.of("gone")), catalog("default")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("warden.openai-compat.default-policy");
    }

    @Test
    void noModelMeansOpenAisDefaultModel() {
        assertThat(ModelPolicies.modelOf(null)).isEqualTo("omni-moderation-latest");
        assertThat(ModelPolicies.modelOf("omni-moderation-2024-09-26")).isEqualTo("omni-moderation-2024-09-26");
    }

    private static OpenAiCompatConfig config(Map<String, String> models, Optional<String> defaultPolicy) {
        return new OpenAiCompatConfig() {
            @Override
            public Map<String, String> models() {
                return models;
            }

            @Override
            public Optional<String> defaultPolicy() {
                return defaultPolicy;
            }
        };
    }

    private static Set<String> catalog(String... names) {
        return Set.of(names);
    }
}
