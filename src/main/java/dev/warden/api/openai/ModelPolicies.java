package dev.warden.api.openai;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.config.OpenAiCompatConfig;
import dev.warden.moderation.PolicyCatalog;
import dev.warden.spi.InvalidSettingsException;

/**
 * The Warden policy behind each OpenAI {@code model}: its own mapping, else the default policy. Checked at start-up,
 * so a mapping to a policy that does not exist never reaches a request.
 */
@Startup
@ApplicationScoped
class ModelPolicies {

    /** What OpenAI moderates with when a request names no model. */
    static final String OPENAI_DEFAULT_MODEL = "omni-moderation-latest";
    static final String PREFIX = "warden.openai-compat.";

    private final OpenAiCompatConfig config;

    @Inject
    ModelPolicies(OpenAiCompatConfig config, PolicyCatalog policies) {
        this(config, policies.names());
    }

    ModelPolicies(OpenAiCompatConfig config, Set<String> knownPolicies) {
        this.config = config;
        config.models().forEach((model, policy) -> requireKnown(knownPolicies, PREFIX + "models." + model, policy));
        config.defaultPolicy().ifPresent(policy -> requireKnown(knownPolicies, PREFIX + "default-policy", policy));
    }

    private static void requireKnown(Set<String> knownPolicies, String key, String policy) {
        if (!knownPolicies.contains(policy)) {
            throw new InvalidSettingsException(key + " names policy '" + policy + "', which is not configured; known: "
                    + String.join(", ", new TreeSet<>(knownPolicies)));
        }
    }

    /** The model a request asks for: its own, or OpenAI's default when it names none. */
    static String modelOf(String requested) {
        return requested == null ? OPENAI_DEFAULT_MODEL : requested;
    }

    /** The policy for {@code model}; a 404 {@code model_not_found}, as OpenAI answers, when there is none. */
    String policyFor(String model) {
        return Optional.ofNullable(config.models().get(model)).or(config::defaultPolicy)
                .orElseThrow(() -> new ProblemException(404, OpenAiErrors.MODEL_NOT_FOUND, "Model not found",
                        "The model '" + model + "' does not exist: no " + PREFIX + "models entry names it and there"
                                + " is no " + PREFIX + "default-policy",
                        List.of(new FieldProblem("model", "unknown model"))));
    }
}
