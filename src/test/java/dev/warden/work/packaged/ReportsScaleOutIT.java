package dev.warden.work.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.embedded.PackagedWarden;
import dev.warden.testkit.RetryLater;
import dev.warden.work.packaged.DsaLoopback.Call;

/**
 * Issue 11, "two Warden instances on one database deliver 1,000 queued reports: each delivered exactly once", on the
 * packaged jar with the real {@code dsa-transparency} adapter: two Warden processes on one PostgreSQL file 1,000
 * statements of reasons, POSTed across both, with a {@link DsaLoopback} that refuses a puid it holds or that another
 * call in flight carries, and answers 503 to a seeded share of calls. Every statement is stored by exactly one call,
 * none is ever called a duplicate, every call carries at most 100, and both processes call the partner.
 */
class ReportsScaleOutIT {

    private static final int REPORTS = 1_000;
    private static final double UNAVAILABLE_SHARE = 0.2;
    private static final long SEED = 20261202L;
    /** Parallel submissions: enough to keep both processes busy, few enough for two cores. */
    private static final int SUBMITTERS = 8;
    /** Bounds the wait for the queue to drain; it takes well under a minute when the machine is idle. */
    private static final Duration DRAIN = Duration.ofMinutes(4);
    private static final String PARTNER = "dsa";
    private static final String TOKEN = "7|scaleOutDsaToken0123456789abcdefghijklmnop";
    private static final String REPORTER = "scale-reporter";
    private static final String REPORTER_KEY = "scale-out-reporter-key";
    private static final String STEP = "submit-batch";
    private static final int MAX_BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoProcessesFileEachStatementOnceInCallsOfAtMostAHundred(@TempDir Path directory) throws Exception {
        try (SharedDatabase database = new SharedDatabase(directory);
                DsaLoopback dsa = new DsaLoopback(TOKEN, UNAVAILABLE_SHARE, SEED);
                WardenProcesses wardens = new WardenProcesses(database, directory, options(dsa))) {
            List<PackagedWarden> processes = wardens.start("first", "second");
            String run = UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> puidByReport = file(processes, run);
            assertThat(puidByReport).hasSize(REPORTS);
            assertThat(puidByReport.values()).doesNotHaveDuplicates();

            ReportTables tables = new ReportTables(database.wardenOptions());
            await().atMost(DRAIN).pollInterval(Duration.ofSeconds(1)).until(() -> tables.unsettled() == 0);

            assertEveryReportAcceptedOnceAsCreated(tables, dsa, puidByReport);
            assertThePartnerStoredEachPuidInExactlyOneCall(dsa, puidByReport);
            assertEveryAnswerRecordedAndBothProcessesCalled(tables, dsa, processes, puidByReport);
            assertTheApiShowsARetriedReport(processes.get(1), tables, dsa, puidByReport);
        }
    }

    private static void assertEveryReportAcceptedOnceAsCreated(ReportTables tables, DsaLoopback dsa,
            Map<String, String> puidByReport) {
        List<ReportRow> reports = tables.reports();
        assertThat(reports).hasSize(REPORTS);
        assertThat(reports).as("every report accepted, and none as a duplicate")
                .allSatisfy(report -> {
                    assertThat(report.status()).as("status of %s: %s", report.id(), report.lastError())
                            .isEqualTo("accepted");
                    assertThat(report.acceptance()).as("acceptance of %s", report.id()).isEqualTo("created");
                    assertThat(report.puid()).isEqualTo(puidByReport.get(report.id()));
                    assertThat(report.refsType()).as("partner_refs of %s", report.id()).isEqualTo("object");
                    assertThat(report.uuid()).as("the uuid the partner gave %s", report.id())
                            .isEqualTo(dsa.uuidOf(report.puid()));
                });
    }

    private static void assertThePartnerStoredEachPuidInExactlyOneCall(DsaLoopback dsa,
            Map<String, String> puidByReport) {
        List<Call> calls = dsa.calls();
        assertThat(calls).as("every call carried 1 to %s statements", MAX_BATCH)
                .allSatisfy(call -> assertThat(call.puids()).isNotEmpty().hasSizeLessThanOrEqualTo(MAX_BATCH));
        assertThat(calls).as("no statement was ever a duplicate: none sent again after it was stored, none in two"
                + " calls in flight at once").allSatisfy(call -> assertThat(call.duplicates()).isEmpty());
        assertThat(calls).as("the partner answered only 201 or its seeded 503")
                .allSatisfy(call -> assertThat(call.status()).isIn(201, 503));
        assertThat(calls).as("the partner was unavailable for some calls, so batches were sent again")
                .anySatisfy(call -> assertThat(call.status()).isEqualTo(503));
        assertThat(calls).as("statements went in batches, not one by one")
                .anySatisfy(call -> assertThat(call.puids()).hasSizeGreaterThan(1));
        Map<String, Long> accepted = dsa.acceptedCounts();
        assertThat(accepted.keySet()).as("the puids the partner stored are the reports'")
                .containsExactlyInAnyOrderElementsOf(puidByReport.values());
        assertThat(accepted).allSatisfy((puid, times) -> assertThat(times)
                .as("calls answered 201 that carried %s", puid).isEqualTo(1));
    }

    /**
     * The attempts Warden stored for each report are the partner's answers to the calls that carried its puid, one
     * each; exactly one is {@code ok}, the last; each names a batch of at most 100; both processes called.
     */
    private static void assertEveryAnswerRecordedAndBothProcessesCalled(ReportTables tables, DsaLoopback dsa,
            List<PackagedWarden> processes, Map<String, String> puidByReport) {
        Map<String, List<Integer>> answersByPuid = new HashMap<>();
        Map<String, List<Integer>> batchSizesByPuid = new HashMap<>();
        for (Call call : dsa.calls()) {
            for (String puid : call.puids()) {
                answersByPuid.computeIfAbsent(puid, any -> new ArrayList<>()).add(call.status());
                batchSizesByPuid.computeIfAbsent(puid, any -> new ArrayList<>()).add(call.puids().size());
            }
        }
        Map<String, List<AttemptRow>> attempts = tables.attempts().stream()
                .collect(Collectors.groupingBy(AttemptRow::reportId));
        assertThat(attempts.keySet()).containsExactlyInAnyOrderElementsOf(puidByReport.keySet());
        attempts.forEach((report, ofReport) -> {
            String puid = puidByReport.get(report);
            List<AttemptRow> calls = ofReport.stream().filter(attempt -> attempt.httpStatus() != null).toList();
            assertThat(calls).as("calls of %s: %s", report, ofReport)
                    .allSatisfy(attempt -> assertThat(attempt.step()).isEqualTo(STEP));
            assertThat(calls.stream().map(AttemptRow::httpStatus))
                    .as("the partner's every answer about %s is recorded, and no other: %s", report, ofReport)
                    .containsExactlyInAnyOrderElementsOf(answersByPuid.get(puid));
            assertThat(calls.stream().map(AttemptRow::batchSize))
                    .as("the batch sizes recorded for %s are those of its calls", report)
                    .containsExactlyInAnyOrderElementsOf(batchSizesByPuid.get(puid));
            assertThat(ofReport.stream().filter(attempt -> attempt.outcome().equals("ok")))
                    .as("accepted once: %s", ofReport).hasSize(1);
            assertThat(ofReport.get(ofReport.size() - 1).outcome()).as("the last attempt of %s", report)
                    .isEqualTo("ok");
        });
        List<AttemptRow> called = attempts.values().stream().flatMap(List::stream)
                .filter(attempt -> attempt.httpStatus() != null).toList();
        assertThat(called).as("every recorded call named a batch of at most %s", MAX_BATCH)
                .allSatisfy(attempt -> assertThat(attempt.batchSize()).isBetween(1, MAX_BATCH));
        assertThat(processes).as("both processes called the partner, and both had statements accepted")
                .allSatisfy(process -> assertThat(called).anySatisfy(attempt -> {
                    assertThat(attempt.outcome()).isEqualTo("ok");
                    assertThat(workedBy(attempt.worker(), process)).isTrue();
                }));
    }

    /** {@code GET /v1/reports/{id}} of a report the partner first answered 503: the retry, then the acceptance. */
    private static void assertTheApiShowsARetriedReport(PackagedWarden warden, ReportTables tables, DsaLoopback dsa,
            Map<String, String> puidByReport) {
        String retried = tables.attempts().stream().filter(attempt -> Objects.equals(attempt.httpStatus(), 503))
                .map(AttemptRow::reportId).findFirst().orElseThrow();
        JsonNode report = get(warden, "/v1/reports/" + retried);
        assertThat(report.path("status").asText()).isEqualTo("accepted");
        assertThat(report.path("acceptance").asText()).isEqualTo("created");
        assertThat(report.path("partnerRefs").path("uuid").asText()).as("the uuid the partner gave it")
                .isEqualTo(dsa.uuidOf(puidByReport.get(retried)));
        List<JsonNode> attempts = new ArrayList<>();
        report.path("attempts").forEach(attempts::add);
        assertThat(attempts).hasSize(tables.attempts().stream()
                .filter(attempt -> attempt.reportId().equals(retried)).toList().size());
        assertThat(attempts).anySatisfy(attempt -> {
            assertThat(attempt.path("outcome").asText()).isEqualTo("retry");
            assertThat(attempt.path("httpStatus").asInt()).isEqualTo(503);
        });
        JsonNode last = attempts.get(attempts.size() - 1);
        assertThat(last.path("outcome").asText()).isEqualTo("ok");
        assertThat(last.path("httpStatus").asInt()).isEqualTo(201);
        assertThat(last.path("step").asText()).isEqualTo(STEP);
    }

    /** The DSA partner at the loopback, a client allowed to file reports, and leases above the partner's timeout. */
    private static List<String> options(DsaLoopback dsa) {
        String partner = "-Dwarden.partners." + PARTNER + ".";
        String client = "-Dwarden.clients." + REPORTER + ".";
        return List.of("-Dwarden.reports.allowed-hosts=127.0.0.1",
                partner + "type=dsa-transparency", partner + "base-url=" + dsa.baseUrl(), partner + "token=" + TOKEN,
                partner + "timeout=10s", partner + "batch.linger=1s", partner + "confirm-after=1s",
                partner + "circuit-breaker.enabled=false",
                // a lease must outlast the partner's timeout, or a slow call's batch could be sent again meanwhile
                "-Dwarden.outbox.lease=30s",
                client + "api-key-sha256=" + sha256(REPORTER_KEY), client + "scopes=report");
    }

    /** POSTs {@code REPORTS} statements of reasons, spread over the processes in turn; answers puid by report id. */
    private static Map<String, String> file(List<PackagedWarden> processes, String run) throws Exception {
        ObjectNode template = statement();
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            Map<String, Future<String>> ids = new HashMap<>();
            for (int i = 0; i < REPORTS; i++) {
                PackagedWarden warden = processes.get(i % processes.size());
                String puid = "scale-" + run + "-" + i;
                ObjectNode statement = template.deepCopy().put("puid", puid);
                ids.put(puid, submitters.submit(() -> create(warden, statement)));
            }
            Map<String, String> puidByReport = new HashMap<>();
            for (Map.Entry<String, Future<String>> id : ids.entrySet()) {
                puidByReport.put(id.getValue().get(), id.getKey());
            }
            return puidByReport;
        } finally {
            submitters.shutdownNow();
        }
    }

    /**
     * {@code POST /v1/reports}; asserts 202 with a Location and answers the report's id. A 503 (the database did not
     * answer in time) is retried with the same Idempotency-Key, as the answer asks, so the report is stored once.
     */
    private static String create(PackagedWarden warden, ObjectNode statement) {
        ObjectNode body = JSON.createObjectNode().put("partner", PARTNER);
        body.set("statementOfReasons", statement);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(warden.baseUrl() + "/v1/reports"))
                .header("Authorization", "Bearer " + REPORTER_KEY).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        AtomicReference<HttpResponse<String>> answered = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    answered.set(WardenApi.send(request));
                    return !RetryLater.isAnswer(answered.get());
                });
        HttpResponse<String> response = answered.get();
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        String id = WardenApi.read(response).path("id").asText();
        if (response.statusCode() == 202) {
            assertThat(response.headers().firstValue("Location")).hasValue("/v1/reports/" + id);
        }
        return id;
    }

    private static JsonNode get(PackagedWarden warden, String path) {
        HttpResponse<String> response = WardenApi.send(HttpRequest.newBuilder(URI.create(warden.baseUrl() + path))
                .header("Authorization", "Bearer " + REPORTER_KEY).GET());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return WardenApi.read(response);
    }

    private static ObjectNode statement() throws IOException {
        try (InputStream in = ReportsScaleOutIT.class.getResourceAsStream("/reports/statement-of-reasons.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** Warden names a worker {@code <host>:<pid>:<random>}. */
    private static boolean workedBy(String worker, PackagedWarden process) {
        return worker != null && worker.contains(":" + process.pid() + ":");
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    record ReportRow(String id, String puid, String status, String acceptance, String lastError, String refsType,
            String uuid) {
    }

    record AttemptRow(String reportId, int number, String worker, String step, Integer batchSize, String outcome,
            Integer httpStatus) {
    }

    /** The test's own SQL view of the report tables, read with JDBC: what the processes did, apart from their API. */
    private static final class ReportTables {

        private final String url;
        private final String user;
        private final String password;

        /** From the {@code -D} options that point Warden at the shared database. */
        ReportTables(List<String> wardenOptions) {
            Map<String, String> settings = wardenOptions.stream().map(option -> option.substring(2).split("=", 2))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
            this.url = "jdbc:" + settings.get("warden.database.url");
            this.user = settings.get("warden.database.username");
            this.password = settings.get("warden.database.password");
        }

        /** Reports still on their way: queued, in progress, or submitted and waiting for confirmation. */
        int unsettled() {
            return query("select count(*) from report where status in ('queued','in_progress','submitted')",
                    rs -> rs.getInt(1)).get(0);
        }

        List<ReportRow> reports() {
            return query("select id::text, partner_key, status, acceptance, last_error, jsonb_typeof(partner_refs),"
                    + " partner_refs ->> 'uuid' from report",
                    rs -> new ReportRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
        }

        List<AttemptRow> attempts() {
            return query("select report_id::text, number, worker, step, batch_size, outcome, http_status"
                    + " from report_attempt order by report_id, number",
                    rs -> new AttemptRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            (Integer) rs.getObject(5), rs.getString(6), (Integer) rs.getObject(7)));
        }

        @FunctionalInterface
        private interface RowReader<T> {
            T read(ResultSet rs) throws SQLException;
        }

        private <T> List<T> query(String sql, RowReader<T> reader) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read: " + sql, e);
            }
        }
    }
}
