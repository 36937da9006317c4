package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock review desk for {@code @QuarkusTest}s, one per JVM, at {@code warden.test.review-desk-url}; the test
 * desk {@code test-desk} sends its review requests here. Tests stub and inspect it through {@link #server()}.
 */
public class ReviewDeskResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "review-desk-shutdown"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("warden.test.review-desk-url", "http://127.0.0.1:" + server().port());
    }

    @Override
    public void stop() {
        // Shared across test classes and application restarts; stopped with the JVM.
    }
}
