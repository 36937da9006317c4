package dev.warden.reports.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import dev.warden.testkit.DsaSimulator;
import dev.warden.testkit.TestClients;

/**
 * The DSA partners of the end-to-end tests (test configuration, block "DSA end to end"): {@code dsa} at
 * {@code /dsa} and {@code dsa-batching} (a 30 s linger, so a burst of reports goes in full batches) at
 * {@code /dsa-batching} of the reporting WireMock, each played by a {@link DsaSimulator}; and the public API calls
 * the tests make. Everything goes through {@code POST /v1/reports} and {@code GET /v1/reports/{id}}.
 */
public final class DsaWire {

    public static final String DSA = "dsa";
    public static final String BATCHING = "dsa-batching";
    /** The tokens of the test configuration: {@code <id>|<40 characters>}. */
    public static final String DSA_TOKEN = "7|dsaE2eToken0123456789abcdefghijklmnopqrs";
    public static final String BATCHING_TOKEN = "8|dsaE2eBatching0123456789abcdefghijklmnop";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POSTING_THREADS = 8;

    private DsaWire() {
    }

    /**
     * A simulator for {@code partner} with nothing remembered: no puids stored, no failures pending, an empty journal,
     * and no stub left under its path by an earlier test class (whose failures would otherwise answer first).
     */
    public static DsaSimulator simulator(String partner) {
        WireMock admin = admin(partner);
        String prefix = baseUrl(partner).getPath();
        for (StubMapping stub : admin.allStubMappings().getMappings()) {
            if (under(stub.getRequest(), prefix)) {
                admin.removeStubMapping(stub);
            }
        }
        return new DsaSimulator(admin, prefix, DSA.equals(partner) ? DSA_TOKEN : BATCHING_TOKEN).reset();
    }

    /** The admin client of the WireMock server that plays {@code partner}. */
    public static WireMock admin(String partner) {
        URI uri = baseUrl(partner);
        return new WireMock(uri.getHost(), uri.getPort());
    }

    private static URI baseUrl(String partner) {
        return URI.create(ConfigProvider.getConfig().getValue("warden.partners." + partner + ".base-url",
                String.class));
    }

    private static boolean under(RequestPattern request, String prefix) {
        return Stream.of(request.getUrl(), request.getUrlPath(), request.getUrlPattern(), request.getUrlPathPattern())
                .filter(url -> url != null)
                .anyMatch(url -> url.startsWith(prefix + "/") || url.startsWith("\\Q" + prefix + "\\E")
                        || url.startsWith("\\Q" + prefix + "/"));
    }

    /** {@code count} puids no other test uses. */
    public static List<String> puids(int count) {
        String run = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        return IntStream.range(0, count).mapToObj(i -> run + "-" + i).toList();
    }

    /** The valid statement of reasons of {@code src/test/resources/reports/} with this puid. */
    public static ObjectNode statement(String puid) {
        try (InputStream in = DsaWire.class.getResourceAsStream("/reports/statement-of-reasons.json")) {
            ObjectNode statement = (ObjectNode) JSON.readTree(in);
            statement.put("puid", puid);
            return statement;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /v1/reports} of one statement: the new report's id (202 required). */
    public static String create(String partner, String puid) {
        ObjectNode request = JSON.createObjectNode().put("partner", partner);
        request.set("statementOfReasons", statement(puid));
        return as(TestClients.REPORTER_KEY).body(request.toString()).post("/v1/reports").then().statusCode(202)
                .extract().path("id");
    }

    /**
     * Statements for every puid, posted from a few threads at once with a plain HTTP client (lighter than
     * RestAssured: a burst must arrive within the batching partner's linger): report id by puid, in the puids' order.
     */
    public static Map<String, String> createAll(String partner, List<String> puids) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(POSTING_THREADS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI reports = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/reports");
        try {
            List<CompletableFuture<String>> ids = new ArrayList<>();
            for (String puid : puids) {
                ObjectNode request = JSON.createObjectNode().put("partner", partner);
                request.set("statementOfReasons", statement(puid));
                HttpRequest post = HttpRequest.newBuilder(reports).timeout(Duration.ofMinutes(1))
                        .header("Authorization", "Bearer " + TestClients.REPORTER_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build();
                ids.add(http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("POST /v1/reports for " + puid + " answered "
                                + response.statusCode() + ": " + response.body());
                    }
                    try {
                        return JSON.readTree(response.body()).path("id").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                if (ids.size() % POSTING_THREADS == 0) {
                    ids.get(ids.size() - POSTING_THREADS).get(1, TimeUnit.MINUTES);
                }
            }
            Map<String, String> byPuid = new LinkedHashMap<>();
            for (int i = 0; i < puids.size(); i++) {
                byPuid.put(puids.get(i), ids.get(i).get(2, TimeUnit.MINUTES));
            }
            return byPuid;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code GET /v1/reports/{id}} as the reporter that created it. */
    public static JsonPath report(String id) {
        return as(TestClients.REPORTER_KEY).get("/v1/reports/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static String status(String id) {
        return report(id).getString("status");
    }

    /** The report's attempts as {@code step/outcome}. */
    public static List<String> attempts(JsonPath report) {
        List<String> steps = report.getList("attempts.step", String.class);
        List<String> outcomes = report.getList("attempts.outcome", String.class);
        return IntStream.range(0, steps.size()).mapToObj(i -> steps.get(i) + "/" + outcomes.get(i)).toList();
    }

    public static RequestSpecification as(String key) {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + key)
                .contentType("application/json");
    }
}
