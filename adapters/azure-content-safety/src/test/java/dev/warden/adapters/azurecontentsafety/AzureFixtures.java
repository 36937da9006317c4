package dev.warden.adapters.azurecontentsafety;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Canned Azure answers from {@code src/test/resources/azure-content-safety/} (VA§3), as WireMock responses. */
final class AzureFixtures {

    static final String TEXT_PATH = "/contentsafety/text:analyze?api-version=2024-09-01";
    static final String IMAGE_PATH = "/contentsafety/image:analyze?api-version=2024-09-01";

    private AzureFixtures() {
    }

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(fixture));
    }

    static String body(String fixture) {
        String resource = "/azure-content-safety/" + fixture;
        try (InputStream in = AzureFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
