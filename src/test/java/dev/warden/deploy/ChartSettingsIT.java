package dev.warden.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.embedded.EmbeddedDatabase;

/**
 * What the chart's pod does with a credential, for real: the packaged Warden reads the application.properties the
 * chart renders, where the vendor key is {@code warden.providers.openai.api-key=${OPENAI_API_KEY}}, with the key only
 * in the environment (as a {@code secretKeyRef} puts it there), and sends exactly that key to the vendor. The paths
 * the chart's probes ask answer on the management port, and on SIGTERM the drain the chart sets
 * ({@code quarkus.shutdown.timeout}) lets a request in flight finish.
 */
class ChartSettingsIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final Duration START_PATIENCE = Duration.ofMinutes(3);
    /** Still in flight when SIGTERM arrives; well inside the chart's drain (15 s) and the policy deadline (10 s). */
    private static final Duration SLOW_VENDOR = Duration.ofSeconds(4);
    private static final String VENDOR_ANSWER = """
            {"id": "modr-1", "model": "omni-moderation-latest", "results": [{"flagged": false,
             "categories": {"harassment": false}, "category_scores": {"harassment": 0.01}}]}""";

    @TempDir
    Path workingDirectory;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String vendorKey = "sk-from-a-secret-" + UUID.randomUUID();
    private final String clientKey = "wdn_chart_" + UUID.randomUUID();
    private EmbeddedDatabase database;
    private WireMockServer vendor;
    private Process warden;
    private Path output;
    private int port;
    private int managementPort;

    @BeforeEach
    void startDatabaseAndVendor() {
        // The chart's PostgreSQL is outside the pod: started here, not by Warden, so SIGTERM reaches Warden alone.
        database = EmbeddedDatabase.start(workingDirectory.resolve("pg"), 0, false, workingDirectory.resolve("pw"));
        vendor = new WireMockServer(wireMockConfig().dynamicPort());
        vendor.start();
        vendor.stubFor(post(urlEqualTo("/v1/moderations")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(VENDOR_ANSWER)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (warden != null) {
            warden.destroy();
            if (!warden.waitFor(90, TimeUnit.SECONDS)) {
                warden.destroyForcibly().waitFor();
            }
        }
        vendor.stop();
        database.close();
    }

    @Test
    void aVendorKeyFromASecretReachesTheVendorThroughTheRenderedSettings() throws Exception {
        RenderedChart chart = start();
        assertThat(Files.readString(workingDirectory.resolve("config/application.properties")))
                .contains("warden.providers.openai.api-key=${OPENAI_API_KEY}").doesNotContain(vendorKey);

        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = chart.container().at("/" + probe + "/httpGet/path").asText();
            assertThat(status("http://localhost:" + managementPort + path)).as(probe + " " + path).isEqualTo(200);
            assertThat(status("http://localhost:" + port + path)).as("not on the API port").isEqualTo(404);
        }

        HttpResponse<String> answer = moderate();

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode provider = new ObjectMapper().readTree(answer.body()).at("/providers/0");
        assertThat(provider.path("provider").asText()).isEqualTo("openai");
        assertThat(provider.path("outcome").asText()).as(answer.body()).isEqualTo("ok");
        vendor.verify(1, postRequestedFor(urlEqualTo("/v1/moderations"))
                .withHeader("Authorization", equalTo("Bearer " + vendorKey)));
        assertThat(Files.readString(output)).as("the key never reaches the log").doesNotContain(vendorKey);
    }

    @Test
    void onSigtermARequestInFlightStillGetsItsAnswer() throws Exception {
        start();
        vendor.stubFor(post(urlEqualTo("/v1/moderations")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(VENDOR_ANSWER)
                .withFixedDelay((int) SLOW_VENDOR.toMillis())));

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return moderate();
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !vendor.findAll(postRequestedFor(urlEqualTo(
                "/v1/moderations"))).isEmpty());
        warden.destroy();

        HttpResponse<String> answer = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(answer.body()).at("/providers/0/outcome").asText()).isEqualTo("ok");
        assertThat(warden.waitFor(60, TimeUnit.SECONDS)).as("it stops once the request is answered").isTrue();
    }

    /** Renders the chart for a vendor at the WireMock, writes its settings where the pod has them, and starts. */
    private RenderedChart start() throws Exception {
        Path values = workingDirectory.resolve("values.yaml");
        Files.writeString(values, """
                secretEnv:
                  - {name: OPENAI_API_KEY, secretName: warden-vendors, key: openai-api-key}
                config:
                  providers:
                    openai:
                      api-key: ${OPENAI_API_KEY}
                      base-url: http://localhost:%d/v1
                      timeout: 8s
                  policies:
                    default:
                      providers: [openai]
                      deadline: 10s
                  clients:
                    chat:
                      api-key-sha256: %s
                      scopes: [moderate]
                """.formatted(vendor.port(), sha256(clientKey)));
        RenderedChart chart = RenderedChart.render(values, Map.of());
        String settings = chart.ofKind("ConfigMap").stream()
                .map(map -> map.at("/data/application.properties")).filter(JsonNode::isTextual).findFirst()
                .orElseThrow().asText();
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/application.properties"), settings);

        port = freePort();
        managementPort = freePort();
        output = workingDirectory.resolve("warden.log");
        ProcessBuilder launch = new ProcessBuilder(List.of(javaBinary(), "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort, "-jar", JAR.toString()))
                .directory(workingDirectory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        launch.environment().put("OPENAI_API_KEY", vendorKey);
        launch.environment().keySet().removeIf(name -> name.startsWith("WARDEN_"));
        launch.environment().put("WARDEN_DATABASE_URL", database.url());
        launch.environment().put("WARDEN_DATABASE_USERNAME", database.user());
        launch.environment().put("WARDEN_DATABASE_PASSWORD", database.password());
        warden = launch.start();
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(warden.isAlive()).as("Warden exited:\n%s", Files.readString(output)).isTrue();
            return ready(managementPort);
        });
        return chart;
    }

    private HttpResponse<String> moderate() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/moderations"))
                .header("Authorization", "Bearer " + clientKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":[{\"type\":\"text\",\"text\":\"hello\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private boolean ready(int managementPort) {
        try {
            return status("http://localhost:" + managementPort + "/q/health/ready") == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String sha256(String key) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
