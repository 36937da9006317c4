package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Canned vendor answers for WireMock: an adapter keeps its fixtures in {@code src/test/resources/<id>/} and names them
 * by classpath resource, e.g. {@code KitFixtures.answer(200, "/openai/clean.json")}.
 */
public final class KitFixtures {

    private KitFixtures() {
    }

    /** A JSON answer with {@code status} and the fixture's body. */
    public static ResponseDefinitionBuilder answer(int status, String resource) {
        return json(status, body(resource));
    }

    /** A JSON answer with {@code status} and {@code body} as written. */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The fixture's text; a missing fixture fails the test naming it. */
    public static String body(String resource) {
        try (InputStream in = KitFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
