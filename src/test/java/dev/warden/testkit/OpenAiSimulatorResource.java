package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A WireMock OpenAI simulator for {@code @QuarkusTest}s, one per JVM; tests stub it through {@link #server()}. */
public class OpenAiSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "openai-simulator-shutdown"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("warden.test.openai-simulator-url", server().baseUrl());
    }

    @Override
    public void stop() {
        // Shared across test classes and application restarts; stopped with the JVM.
    }
}
