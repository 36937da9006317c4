package dev.warden.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * {@code warden.openai-compat.*}: which Warden policy answers {@code POST /openai/v1/moderations} for each OpenAI
 * {@code model} a caller names. Checked at start-up: every policy named here must exist.
 */
@ConfigMapping(prefix = "warden.openai-compat")
public interface OpenAiCompatConfig {

    /** OpenAI model name → Warden policy name, e.g. {@code omni-moderation-latest=default}. */
    Map<String, String> models();

    /** The policy for a model {@link #models()} does not name; without one, such a model is not found (404). */
    Optional<String> defaultPolicy();
}
