package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

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
        answer(PATH, response);
    }

    /** Answers at another path: each test provider has a base URL of its own on the one simulator. */
    public static void answer(String path, ResponseDefinitionBuilder response) {
        admin().register(post(urlEqualTo(path)).willReturn(response));
    }

    /** Answers with {@code first} for {@code times} calls, then with {@code then} (a WireMock scenario). */
    public static void answerInSequence(String path, int times, ResponseDefinitionBuilder first,
            ResponseDefinitionBuilder then) {
        String scenario = "sequence " + path;
        for (int i = 0; i < times; i++) {
            admin().register(post(urlEqualTo(path)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after " + i)
                    .willSetStateTo("after " + (i + 1)).willReturn(first));
        }
        admin().register(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("after " + times)
                .willReturn(then));
    }

    public static ResponseDefinitionBuilder fixture(String name) {
        return KitFixtures.answer(200, "/openai/" + name);
    }

    public static int calls() {
        return calls(PATH);
    }

    public static int calls(String path) {
        return admin().find(postRequestedFor(urlEqualTo(path))).size();
    }

    /** Every call at a path as WireMock served it, with when it arrived and how long it took. */
    public static List<ServeEvent> served(String path) {
        return admin().getServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(path)).toList();
    }

    public static RequestPatternBuilder requests() {
        return postRequestedFor(urlEqualTo(PATH));
    }
}
