package dev.warden.reports.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.warden.testkit.NcmecSimulator;
import dev.warden.testkit.NcmecSimulator.Step;
import dev.warden.testkit.ReportingPartnersResource;
import dev.warden.testkit.TestClients;

/**
 * CyberTips end to end: {@code POST /v1/reports} to partner {@code cybertip} (the real {@code ncmec} adapter), the
 * outbox worker delivers to {@link NcmecSimulator} on the shared {@link ReportingPartnersResource}, which also serves
 * the evidence files; the test reads the simulator's journal and {@code GET /v1/reports/{id}}.
 */
@QuarkusTest
class NcmecEndToEndTest {

    private static final String PARTNER = "cybertip";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE_A = "15a2034b50f2a558f6595a2b5e02ccce";
    private static final String FILE_B = "b0754af766b426f2928a02c651ed4b99";

    private final NcmecSimulator ncmec = NcmecSimulator.ofTestResources();
    private String reportId;
    private List<Evidence> evidence;

    /** One evidence file as served: where, its bytes and their sha256. */
    record Evidence(String url, byte[] bytes, String sha256) {
    }

    @BeforeEach
    void freshSimulatorAndEvidence() throws Exception {
        ncmec.reset();
        reportId = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, 10_000_000));
        String prefix = "/evidence/" + UUID.randomUUID();
        evidence = List.of(serve(prefix + "/a.jpg", "first evidence file " + reportId),
                serve(prefix + "/b.mp4", "second evidence file " + reportId));
    }

    @Test
    void aCybertipWithTwoFilesIsSubmittedUploadedDescribedAndFinishedInOrder() {
        acceptAll();

        String id = create(cybertip(evidence.get(0).sha256(), evidence.get(1).sha256()));
        JsonNode report = awaitStatus(id, "accepted");

        assertThat(ncmec.steps()).containsExactly(Step.SUBMIT, Step.UPLOAD, Step.UPLOAD, Step.FILEINFO,
                Step.FILEINFO, Step.FINISH);
        for (Step step : List.of(Step.SUBMIT, Step.UPLOAD, Step.FILEINFO, Step.FINISH)) {
            assertThat(ncmec.requests(step)).as("Basic auth on every %s", step)
                    .allSatisfy(request -> assertThat(request.getHeader("Authorization"))
                            .isEqualTo(NcmecSimulator.BASIC));
        }
        assertThat(ncmec.bodies(Step.SUBMIT).get(0)).startsWith("<?xml").contains("<report ")
                .contains("<espIdentifier>user-42</espIdentifier>");
        assertThat(ncmec.bodies(Step.FILEINFO)).hasSize(2)
                .satisfies(bodies -> assertThat(bodies.get(0)).contains("<fileId>" + FILE_A + "</fileId>")
                        .contains("<reportId>" + reportId + "</reportId>")
                        .contains(evidence.get(0).sha256()))
                .satisfies(bodies -> assertThat(bodies.get(1)).contains("<fileId>" + FILE_B + "</fileId>")
                        .contains(evidence.get(1).sha256()));
        assertThat(ncmec.bodies(Step.FINISH)).containsExactly("id=" + reportId);

        assertThat(report.path("acceptance").asText()).isEqualTo("created");
        assertThat(report.path("partnerRefs").path("reportId").asText()).isEqualTo(reportId);
        assertThat(report.path("partnerRefs").path("fileIds").asText()).as("the finish's files, in order")
                .isEqualTo(FILE_A + "," + FILE_B);
        assertThat(texts(report.path("files"), "fileId")).containsExactly(FILE_A, FILE_B);
        assertThat(report.path("files")).allSatisfy(file -> {
            assertThat(file.path("uploadedAt").isTextual()).isTrue();
            assertThat(file.path("describedAt").isTextual()).isTrue();
        });
        assertThat(attempts(report)).containsExactly("submit/ok", "upload:0/ok", "upload:1/ok", "fileinfo:0/ok",
                "fileinfo:1/ok", "finish/ok");
        assertThat(texts(report.path("attempts"), "requestId")).containsExactly("req-submit", "req-upload",
                "req-upload", "req-fileinfo", "req-fileinfo", "req-finish");
    }

    @Test
    void evidenceWithTheWrongHashFailsWithoutOpeningAReport() {
        acceptAll();

        String id = create(cybertip(evidence.get(0).sha256(), "0".repeat(64)));
        JsonNode report = awaitStatus(id, "failed");

        assertThat(ncmec.calls(Step.SUBMIT)).isZero();
        assertThat(ncmec.steps()).isEmpty();
        assertThat(report.path("lastError").path("message").asText())
                .isEqualTo("evidence file 1: its bytes do not match the report's sha256");
        assertThat(report.path("partnerRefs").path("reportId").isMissingNode()
                || report.path("partnerRefs").path("reportId").isNull()).isTrue();
        assertThat(attempts(report)).containsExactly("evidence:1/rejected");
    }

    @Test
    void anOpenReportIsRetractedAtThePartner() {
        acceptAll();
        ncmec.answer(Step.FINISH, NcmecSimulator.code(200, 1000, "Server error"));

        String id = create(cybertip(evidence.get(0).sha256(), evidence.get(1).sha256()));
        await().atMost(WAIT).until(() -> ncmec.calls(Step.FINISH) >= 1);
        JsonNode open = awaitStatus(id, "in_progress");
        assertThat(open.path("partnerRefs").path("reportId").asText()).isEqualTo(reportId);

        given().header("Authorization", "Bearer " + TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":retract")
                .then().statusCode(202);
        JsonNode retracted = awaitStatus(id, "retracted");

        assertThat(ncmec.bodies(Step.RETRACT)).containsExactly("id=" + reportId);
        assertThat(ncmec.requests(Step.RETRACT).get(0).getHeader("Authorization")).isEqualTo(NcmecSimulator.BASIC);
        assertThat(ncmec.calls(Step.SUBMIT)).isEqualTo(1);
        assertThat(attempts(retracted)).startsWith("submit/ok", "upload:0/ok", "upload:1/ok", "fileinfo:0/ok",
                "fileinfo:1/ok", "finish/retry").endsWith("retract/ok");
    }

    @Test
    void responseCodeZeroIsSuccessWhateverTheHttpStatus() {
        acceptAll();
        ncmec.answer(Step.SUBMIT, aResponse().withStatus(500).withHeader("Content-Type", "application/xml")
                .withBody(NcmecSimulator.reportResponse(0, "Success", "<reportId>" + reportId + "</reportId>")));
        ncmec.answer(Step.FINISH, aResponse().withStatus(400).withHeader("Content-Type", "application/xml")
                .withBody(NcmecSimulator.doneResponse(reportId, FILE_A, FILE_B)));

        String id = create(cybertip(evidence.get(0).sha256(), evidence.get(1).sha256()));
        JsonNode report = awaitStatus(id, "accepted");

        assertThat(ncmec.calls(Step.SUBMIT)).isEqualTo(1);
        assertThat(ncmec.calls(Step.FINISH)).isEqualTo(1);
        assertThat(report.path("partnerRefs").path("reportId").asText()).isEqualTo(reportId);
        assertThat(report.path("attempts").get(0).path("httpStatus").asInt()).isEqualTo(500);
        assertThat(attempts(report)).containsExactly("submit/ok", "upload:0/ok", "upload:1/ok", "fileinfo:0/ok",
                "fileinfo:1/ok", "finish/ok");
    }

    @Test
    void aNonZeroResponseCodeUnderHttp200IsARefusal() {
        acceptAll();
        ncmec.answer(Step.SUBMIT, NcmecSimulator.code(200, 4100, "Validation failed"));

        String id = create(cybertip(evidence.get(0).sha256(), evidence.get(1).sha256()));
        JsonNode report = awaitStatus(id, "failed");

        assertThat(ncmec.steps()).containsExactly(Step.SUBMIT);
        assertThat(report.path("lastError").path("partnerCode").asText()).isEqualTo("4100");
        assertThat(report.path("lastError").path("message").asText()).contains("Validation failed");
        assertThat(attempts(report)).containsExactly("submit/rejected");
    }

    private void acceptAll() {
        ncmec.accepting(reportId, FILE_A, FILE_B)
                .acceptingFile(reportId, evidence.get(0).bytes(), FILE_A)
                .acceptingFile(reportId, evidence.get(1).bytes(), FILE_B);
    }

    private ObjectNode cybertip(String sha256A, String sha256B) {
        ObjectNode cybertip;
        try (InputStream in = NcmecEndToEndTest.class.getResourceAsStream("/reports/cybertip.json")) {
            cybertip = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> hashes = List.of(sha256A, sha256B);
        for (int i = 0; i < 2; i++) {
            ObjectNode file = (ObjectNode) cybertip.withArray("evidence").get(i);
            file.put("url", evidence.get(i).url());
            file.put("sha256", hashes.get(i));
            file.remove("md5");
        }
        ObjectNode request = JSON.createObjectNode().put("partner", PARTNER);
        request.set("cybertip", cybertip);
        return request;
    }

    private static String create(ObjectNode request) {
        Response response = given().header("Authorization", "Bearer " + TestClients.REPORTER_KEY)
                .contentType("application/json").body(request.toString()).post("/v1/reports");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        return response.path("id");
    }

    private static JsonNode awaitStatus(String id, String status) {
        List<JsonNode> last = new ArrayList<>(List.of(JSON.nullNode()));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last.set(0, read(id));
            assertThat(last.get(0).path("status").asText()).as("%s", last.get(0)).isEqualTo(status);
        });
        return last.get(0);
    }

    private static JsonNode read(String id) {
        String body = given().header("Authorization", "Bearer " + TestClients.REPORTER_KEY).get("/v1/reports/" + id)
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each attempt as {@code step[:file]/outcome}. */
    private static List<String> attempts(JsonNode report) {
        List<String> attempts = new ArrayList<>();
        report.path("attempts").forEach(attempt -> attempts.add(attempt.path("step").asText()
                + (attempt.has("filePosition") ? ":" + attempt.path("filePosition").asInt() : "") + "/"
                + attempt.path("outcome").asText()));
        return attempts;
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(member).asText()));
        return texts;
    }

    private static Evidence serve(String path, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ReportingPartnersResource.server().stubFor(get(urlEqualTo(path)).willReturn(aResponse()
                .withHeader("Content-Type", "image/jpeg").withBody(bytes)));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return new Evidence(ReportingPartnersResource.url(path), bytes, sha256);
    }
}
