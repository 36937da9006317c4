package dev.warden.adapters.hive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Canned Hive answers from {@code src/test/resources/hive/}, as WireMock responses. */
final class HiveFixtures {

    static final String SYNC_PATH = "/api/v2/task/sync";
    static final String ASYNC_PATH = "/api/v2/task/async";

    static final String TEXT_KEY = "hive-text-key-0123456789";
    static final String VISUAL_KEY = "hive-visual-key-9876543210";

    private HiveFixtures() {
    }

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(fixture));
    }

    static String body(String fixture) {
        String resource = "/hive/" + fixture;
        try (InputStream in = HiveFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
