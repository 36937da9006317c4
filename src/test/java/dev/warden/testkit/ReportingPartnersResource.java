package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock server for reports in {@code @QuarkusTest}s, one per JVM, at {@code warden.test.reporting-partners-url}:
 * evidence files a CyberTip names (served over http from 127.0.0.1, listed in {@code warden.reports.allowed-hosts})
 * and the partner simulators ({@link DsaSimulator} under {@code /dsa}, {@link NcmecSimulator} under
 * {@code /ncmec/ispws}), also at {@code warden.test.reporting-url}. Tests stub and inspect it through {@link #server()}.
 */
public class ReportingPartnersResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                    .extensions(DsaSimulator.extensions()));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "reporting-partners-shutdown"));
        }
        return server;
    }

    /** Where a path on the server is, as a report names it. */
    public static String url(String path) {
        return "http://127.0.0.1:" + server().port() + path;
    }

    @Override
    public Map<String, String> start() {
        String url = "http://127.0.0.1:" + server().port();
        return Map.of("warden.test.reporting-partners-url", url, "warden.test.reporting-url", url);
    }

    @Override
    public void stop() {
        // Shared across test classes and application restarts; stopped with the JVM.
    }
}
