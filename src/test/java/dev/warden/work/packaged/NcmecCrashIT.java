package dev.warden.work.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.embedded.PackagedWarden;
import dev.warden.testkit.RetryLater;
import dev.warden.work.packaged.NcmecLoopback.Call;
import dev.warden.work.packaged.NcmecLoopback.Evidence;

/**
 * Issue 11, "NCMEC: Warden stopped after upload of file 1 → after restart it uploads file 2 and finishes, submit
 * called exactly once", on the packaged jar: the only Warden process is killed with SIGKILL while a loopback
 * CyberTipline holds the upload of the second evidence file; restarted on the same database, it resumes the open
 * report (the first submit's {@code reportId}, file 1's stored {@code fileId}), uploads file 2, describes both files and
 * finishes, without opening a second report.
 */
class NcmecCrashIT {

    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final String PARTNER = "cybertip";
    private static final String CLIENT = "ncmec-crash";
    private static final String API_KEY = "ncmec-crash-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReportKilledDuringTheSecondUploadResumesAndFinishesTheFirstSubmit(@TempDir Path directory)
            throws Exception {
        Evidence first = new Evidence("a.jpg", bytes("first evidence file " + UUID.randomUUID()),
                "15a2034b50f2a558f6595a2b5e02ccce");
        Evidence second = new Evidence("b.mp4", bytes("second evidence file " + UUID.randomUUID()),
                "b0754af766b426f2928a02c651ed4b99");
        try (SharedDatabase database = new SharedDatabase(directory);
                NcmecLoopback ncmec = new NcmecLoopback(List.of(first, second));
                WardenProcesses wardens = new WardenProcesses(database, directory, options(ncmec))) {
            Gate held = ncmec.holdUploadsOf(second);
            PackagedWarden crashing = wardens.start("before-the-crash").get(0);
            String id = create(crashing, cybertip(ncmec, first, second));

            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(held.held())
                    .as(() -> "the second upload held; calls " + steps(ncmec.calls()) + ", report "
                            + report(crashing, id) + ", output " + tail(crashing.output()))
                    .isPositive());
            JsonNode open = report(crashing, id);
            assertThat(open.path("status").asText()).as("%s", open).isEqualTo("in_progress");
            assertThat(open.path("files").get(0).path("fileId").asText()).as("file 1's id is stored at once")
                    .isEqualTo(first.fileId());
            assertThat(open.path("files").get(1).path("fileId").isMissingNode()
                    || open.path("files").get(1).path("fileId").isNull()).isTrue();
            List<Call> beforeTheCrash = ncmec.calls();
            assertThat(steps(beforeTheCrash)).containsExactly("submit", "upload:a.jpg", "upload:b.mp4");
            String reportId = open.path("partnerRefs").path("reportId").asText();
            assertThat(reportId).isEqualTo("7000001");

            crashing.kill();
            held.release();
            PackagedWarden restarted = wardens.start("after-the-crash").get(0);

            AtomicReference<JsonNode> done = new AtomicReference<>();
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(() -> {
                done.set(report(restarted, id));
                return done.get().path("status").asText().equals("accepted");
            });

            List<Call> all = ncmec.calls();
            List<Call> afterTheCrash = all.subList(beforeTheCrash.size(), all.size());
            assertThat(steps(afterTheCrash)).as("resumed at file 2, not at submit")
                    .containsExactly("upload:b.mp4", "fileinfo", "fileinfo", "finish");
            assertThat(steps(all).stream().filter("submit"::equals)).as("submit completed exactly once").hasSize(1);
            assertThat(afterTheCrash.get(0).body()).contains(reportId);
            assertThat(afterTheCrash.get(1).body()).contains("<reportId>" + reportId + "</reportId>")
                    .contains("<fileId>" + first.fileId() + "</fileId>").contains(first.sha256());
            assertThat(afterTheCrash.get(2).body()).contains("<reportId>" + reportId + "</reportId>")
                    .contains("<fileId>" + second.fileId() + "</fileId>").contains(second.sha256());
            assertThat(NcmecLoopback.formId(afterTheCrash.get(3).body())).as("the finish names the first submit's id")
                    .isEqualTo(reportId);

            JsonNode report = done.get();
            assertThat(report.path("partnerRefs").path("reportId").asText()).isEqualTo(reportId);
            assertThat(report.path("partnerRefs").path("fileIds").asText())
                    .isEqualTo(first.fileId() + "," + second.fileId());
            List<String> okSteps = new ArrayList<>();
            report.path("attempts").forEach(attempt -> {
                if (attempt.path("outcome").asText().equals("ok")) {
                    okSteps.add(attempt.path("step").asText());
                }
            });
            assertThat(okSteps).containsExactly("submit", "upload", "upload", "fileinfo", "fileinfo", "finish");
        }
    }

    /**
     * The partner on the loopback CyberTipline, evidence over http from 127.0.0.1, a client that may report. A step
     * starts only while the row's lease covers the partner's timeout (plus a margin), so the lease is longer than the
     * processes' usual 4 s here; the killed process's lease ends 30 s after its last renewal.
     */
    private static List<String> options(NcmecLoopback ncmec) throws Exception {
        String partner = "-Dwarden.partners." + PARTNER + ".";
        String client = "-Dwarden.clients." + CLIENT + ".";
        return List.of(partner + "type=ncmec", partner + "base-url=" + ncmec.baseUrl(),
                partner + "username=" + NcmecLoopback.USERNAME, partner + "password=" + NcmecLoopback.PASSWORD,
                partner + "reporter.email=safety@platform.example", partner + "circuit-breaker.enabled=false",
                partner + "timeout=20s", "-Dwarden.outbox.lease=30s",
                "-Dwarden.reports.allowed-hosts=127.0.0.1",
                client + "api-key-sha256=" + hex("SHA-256", bytes(API_KEY)), client + "scopes=report");
    }

    private static ObjectNode cybertip(NcmecLoopback ncmec, Evidence... files) {
        ObjectNode cybertip;
        try (InputStream in = NcmecCrashIT.class.getResourceAsStream("/reports/cybertip.json")) {
            cybertip = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < files.length; i++) {
            ObjectNode file = (ObjectNode) cybertip.withArray("evidence").get(i);
            file.put("url", ncmec.evidenceUrl(files[i])).put("sha256", files[i].sha256());
            file.remove("md5");
        }
        ObjectNode request = JSON.createObjectNode().put("partner", PARTNER);
        request.set("cybertip", cybertip);
        return request;
    }

    /** {@code POST /v1/reports}; a 503 (the loaded machine's database was slow) is retried with the same key. */
    private static String create(PackagedWarden warden, ObjectNode body) {
        HttpRequest.Builder request = request(warden, "/v1/reports").header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        AtomicReference<HttpResponse<String>> answered = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    answered.set(WardenApi.send(request));
                    return !RetryLater.isAnswer(answered.get());
                });
        assertThat(answered.get().statusCode()).as(answered.get().body()).isEqualTo(202);
        return WardenApi.read(answered.get()).path("id").asText();
    }

    private static JsonNode report(PackagedWarden warden, String id) {
        HttpResponse<String> response = WardenApi.send(request(warden, "/v1/reports/" + id).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WardenApi.read(response);
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 6000));
    }

    /** Each call as {@code step}, uploads as {@code upload:<file>}. */
    private static List<String> steps(List<Call> calls) {
        return calls.stream().map(call -> call.file() == null ? call.step() : call.step() + ":" + call.file())
                .toList();
    }

    private static HttpRequest.Builder request(PackagedWarden warden, String path) {
        return HttpRequest.newBuilder(URI.create(warden.baseUrl() + path)).header("Authorization",
                "Bearer " + API_KEY);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
