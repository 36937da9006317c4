package dev.warden.adapters.sightengine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Canned Sightengine answers from {@code src/test/resources/sightengine/} (VA§6), as WireMock responses. */
final class SightengineFixtures {

    static final String IMAGE_PATH = "/1.0/check.json";
    static final String TEXT_PATH = "/1.0/text/check.json";

    private SightengineFixtures() {
    }

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(fixture));
    }

    static String body(String fixture) {
        String resource = "/sightengine/" + fixture;
        try (InputStream in = SightengineFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
