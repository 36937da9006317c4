package dev.warden.bench.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportJsonTest {

    private static final List<String> RUN_FIELDS = List.of("label", "url", "targetRate", "durationS",
            "achievedRate", "sent", "ok", "errors", "latencyMs", "generatorLagged", "maxGeneratorLagMs");

    @Test
    void runReportHasEachRunAndTheMedianInTheDocumentedShape() throws IOException {
        RunReport report = RunReport.of(List.of(
                TestRuns.run(200, 199.5, 995, Map.of("timeout", 1L, "status_500", 4L), 6.25),
                TestRuns.passing(200),
                TestRuns.passing(200)));

        JsonNode json = new ObjectMapper().readTree(ReportWriter.toJson(report));

        assertEquals(List.of("runs", "median"), fieldNames(json));
        assertEquals(3, json.get("runs").size());
        JsonNode first = json.get("runs").get(0);
        assertEquals(RUN_FIELDS, fieldNames(first));
        assertEquals(List.of("status_500", "timeout"), fieldNames(first.get("errors")));
        assertEquals(4, first.get("errors").get("status_500").asLong());
        assertEquals(List.of("p50", "p90", "p99", "p999", "max", "mean"), fieldNames(first.get("latencyMs")));
        assertEquals(6.25, first.get("latencyMs").get("p99").asDouble());
        assertEquals(1000, first.get("sent").asLong());
        assertEquals(RUN_FIELDS, fieldNames(json.get("median")));
        assertEquals(200, json.get("median").get("achievedRate").asDouble());
        assertEquals(0, json.get("median").get("errors").get("timeout").asLong());
    }

    @Test
    void missingLatencyIsWrittenAsNull() throws IOException {
        RunStats nothingOk = new RunStats("l", "u", 10, 1, 0, 10, 0, Map.of("connection_error", 10L), null, false, 0);
        JsonNode json = new ObjectMapper().readTree(ReportWriter.toJson(nothingOk));
        assertTrue(json.get("latencyMs").isNull());
    }

    @Test
    void saturationReportHasTheDocumentedShape() throws IOException {
        SaturationStep step = SaturationStep.of(TestRuns.passing(250), StepVerdict.PASS, false);
        SaturationReport report = new SaturationReport("l", "u", 50, 250.0, 250.0, "max_rate_reached", false,
                List.of(step));

        JsonNode json = new ObjectMapper().readTree(ReportWriter.toJson(report));

        assertEquals(List.of("label", "url", "latencyBoundMs", "bestRate", "bestAchievedRate", "stopReason",
                "generatorLagged", "steps"), fieldNames(json));
        JsonNode written = json.get("steps").get(0);
        assertEquals(List.of("targetRate", "achievedRate", "p50Ms", "p99Ms", "errors", "verdict", "confirmation",
                "generatorLagged"), fieldNames(written));
        assertEquals("pass", written.get("verdict").asText());
        assertEquals(2.5, written.get("p50Ms").asDouble());
        assertEquals(10, written.get("p99Ms").asDouble());
    }

    @Test
    void writesToTheOutFileCreatingDirectoriesOrElseToStdout() throws IOException {
        Path file = Files.createTempDirectory("loadgen-report").resolve("nested/report.json");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        ReportWriter.write(RunReport.of(List.of(TestRuns.passing(5))), Optional.of(file), new PrintStream(stdout));
        assertEquals(0, stdout.size());
        assertEquals(1, new ObjectMapper().readTree(file.toFile()).get("runs").size());

        ReportWriter.write(RunReport.of(List.of(TestRuns.passing(5))), Optional.empty(), new PrintStream(stdout));
        assertEquals(1, new ObjectMapper().readTree(stdout.toString()).get("runs").size());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
