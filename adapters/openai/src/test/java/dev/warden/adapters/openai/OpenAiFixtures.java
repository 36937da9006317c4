package dev.warden.adapters.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Canned OpenAI answers from {@code src/test/resources/openai/}, as WireMock responses. */
final class OpenAiFixtures {

    static final String MODERATIONS_PATH = "/v1/moderations";

    private OpenAiFixtures() {
    }

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(fixture));
    }

    static String body(String fixture) {
        String resource = "/openai/" + fixture;
        try (InputStream in = OpenAiFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
