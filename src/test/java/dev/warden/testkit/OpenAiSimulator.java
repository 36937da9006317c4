package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Drives the WireMock OpenAI simulator of {@link OpenAiSimulatorResource} through WireMock's admin API, so tests
 * stub and count vendor calls whichever class loader they run in. Answers come from the OpenAI adapter's fixtures.
 */
public final class OpenAiSimulator {

    public static final String PATH = "/v1/moderations";

    private OpenAiSimulator() {
    }

    public static WireMock admin() {
        URI uri = URI.create(ConfigProvider.getConfig().getValue("warden.test.openai-simulator-url", String.class));
        return new WireMock(uri.getHost(), uri.getPort());
    }

    public static void reset() {
        admin().resetToDefaultMappings();
        admin().resetRequests();
    }

    public static void answer(ResponseDefinitionBuilder response) {
        admin().register(post(urlEqualTo(PATH)).willReturn(response));
    }

    public static ResponseDefinitionBuilder fixture(String name) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(read(name));
    }

    public static int calls() {
        return admin().find(postRequestedFor(urlEqualTo(PATH))).size();
    }

    public static RequestPatternBuilder requests() {
        return postRequestedFor(urlEqualTo(PATH));
    }

    private static String read(String name) {
        try (InputStream in = OpenAiSimulator.class.getResourceAsStream("/openai/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /openai/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
