package dev.warden.bench.loadgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** bench/wrk/summary.awk, which run.sh uses to turn wrk's output into the closed-loop JSON this report reads. */
class WrkSummaryTest {

    private static final Path SCRIPT = Path.of("..", "wrk", "summary.awk");

    @TempDir
    Path run;

    @Test
    void convertsWrkUnitsToMillisecondsAndCountsEveryErrorKind() throws Exception {
        String wrk = """
                Running 15s test @ http://127.0.0.1:18080/v1/moderations
                  2 threads and 400 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency   340.12ms  120.50ms   1.99s    70.00%
                  Latency Distribution
                     50%  850.00us
                     75%  300.00ms
                     90%  500.00ms
                     99%    1.25s
                  43500 requests in 15.10s, 51.40MB read
                  Socket errors: connect 0, read 3, write 0, timeout 12
                  Non-2xx or 3xx responses: 7
                Requests/sec:   2880.79
                Transfer/sec:      3.40MB
                """;

        JsonNode phase = summarize(wrk, "CL-warden-400", "warden", 400, "17.400", "5.800");

        assertEquals(400, phase.path("connections").asInt());
        assertEquals(15.10, phase.path("durationS").asDouble());
        assertEquals(43_500, phase.path("requests").asLong());
        assertEquals(2880.79, phase.path("requestsPerSecond").asDouble());
        assertEquals(0.85, phase.path("latencyMs").path("p50").asDouble());
        assertEquals(1250, phase.path("latencyMs").path("p99").asDouble());
        assertEquals(7, phase.path("errors").path("non2xx").asLong());
        assertEquals(3, phase.path("errors").path("read").asLong());
        assertEquals(12, phase.path("errors").path("timeout").asLong());
        assertEquals(5.8, phase.path("postgresCpuSeconds").asDouble());

        JsonNode row = ClosedLoopResults.read(run).get(0);
        assertEquals(22, row.path("errorCount").asLong());
        assertEquals(0.4, row.path("cpuMsPerRequest").asDouble(), 1e-9);
    }

    @Test
    void aCleanRunHasNoErrors() throws Exception {
        String wrk = """
                  Latency Distribution
                     50%   21.46ms
                     99%   25.58ms
                  4550 requests in 2.01s, 5.48MB read
                Requests/sec:   2265.84
                """;

        JsonNode phase = summarize(wrk, "CL-direct-50", "direct", 50, "0.120", "0.000");

        assertEquals(21.46, phase.path("latencyMs").path("p50").asDouble());
        for (JsonNode count : phase.path("errors")) {
            assertEquals(0, count.asLong());
        }
    }

    private JsonNode summarize(String wrk, String label, String target, int connections, String cpu,
                               String postgresCpu) throws Exception {
        Path input = run.resolve(label + ".wrk.txt");
        Files.writeString(input, wrk);
        Path output = run.resolve(label + ".json");
        Process awk = new ProcessBuilder(List.of("awk", "-v", "label=" + label, "-v", "target=" + target,
                "-v", "connections=" + connections, "-v", "cpu=" + cpu, "-v", "postgres_cpu=" + postgresCpu,
                "-f", SCRIPT.toString(), input.toString()))
                .redirectOutput(output.toFile())
                .redirectErrorStream(false)
                .start();
        String errors = new String(awk.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, awk.waitFor(), errors);
        return new ObjectMapper().readTree(output.toFile());
    }
}
