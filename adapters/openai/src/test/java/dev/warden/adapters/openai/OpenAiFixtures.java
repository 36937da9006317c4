package dev.warden.adapters.openai;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.warden.testkit.KitFixtures;

/** Canned OpenAI answers from {@code src/test/resources/openai/}, as WireMock responses. */
final class OpenAiFixtures {

    static final String MODERATIONS_PATH = "/v1/moderations";

    private OpenAiFixtures() {
    }

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        return KitFixtures.answer(status, "/openai/" + fixture);
    }
}
