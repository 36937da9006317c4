package dev.warden.bench.loadgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path run;
    @TempDir
    Path results;

    @BeforeEach
    void writeARunDirectory() throws IOException {
        steady("W1-direct", 21.0, 25.0);
        steady("W1-nginx", 21.5, 26.0);
        steady("W1-scg", 23.0, 30.0);
        steady("W1-warden", 24.0, 27.5);
        saturation("SAT-nginx");
        saturation("SAT-scg");
        saturation("SAT-warden");
        closed("direct", 400, 18000, 0, 0.5, 0);
        closed("scg", 50, 1700, 0, 1.7, 0);
        closed("scg", 400, 3000, 0, 27, 0);
        closed("warden", 50, 1800, 0, 1.8, 0.9);
        closed("warden", 400, 2900, 3, 17.4, 5.8);
    }

    @Test
    void writesThePngBesideTheMarkdownAndLinksItRelatively() throws IOException {
        Path markdown = results.resolve("2026-12-02T140000Z.md");

        new BenchReport(run, 10, 1500, "env", "").write(results.resolve("2026-12-02T140000Z.json"), markdown);

        Path png = results.resolve("2026-12-02T140000Z-latency.png");
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(LatencyChart.WIDTH, image.getWidth());
        assertEquals(LatencyChart.HEIGHT, image.getHeight());
        assertTrue(Files.readString(markdown).contains("](2026-12-02T140000Z-latency.png)"));
    }

    @Test
    void chartHasOneOpenLoopAndOneClosedLoopSeriesPerTargetWithPointsInBothHalves() throws IOException {
        JsonNode report = report();

        JFreeChart chart = new LatencyChart(report).chart();

        List<XYPlot> halves = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
        assertEquals(2, halves.size(), "p99 and p50");
        for (XYPlot half : halves) {
            assertEquals(List.of("direct (simulator)", "nginx proxy", "Spring Cloud Gateway", "Warden"),
                    keys(half.getDataset(0)));
            assertEquals(List.of("direct (simulator) (closed loop)", "Spring Cloud Gateway (closed loop)",
                    "Warden (closed loop)"), keys(half.getDataset(1)));
            // The steady run at 500 req/s and the three first attempts; the confirmation is left out.
            assertEquals(4, half.getDataset(0).getItemCount(1));
            assertEquals(2, half.getDataset(1).getItemCount(2));
        }
        // Points sorted by load: nginx's first step (250 req/s), then its steady run (500 req/s).
        XYDataset p99 = halves.get(0).getDataset(0);
        assertEquals(500, p99.getXValue(1, 1));
        assertEquals(26.0, p99.getYValue(1, 1));
        assertEquals(8.0, halves.get(1).getDataset(0).getYValue(1, 0), "p50 of the first step");
    }

    @Test
    void closedLoopRowsAreOrderedWithErrorsAndCpuPerRequest() throws IOException {
        JsonNode rows = report().path("closedLoop");

        List<String> order = new ArrayList<>();
        rows.forEach(row -> order.add(row.path("target").asText() + "-" + row.path("connections").asInt()));
        assertEquals(List.of("direct-400", "scg-50", "scg-400", "warden-50", "warden-400"), order);
        JsonNode warden400 = rows.get(4);
        assertEquals(3, warden400.path("errorCount").asLong());
        // 17.4 s of CPU over 43,500 requests (2,900 req/s for 15 s).
        assertEquals(0.4, warden400.path("cpuMsPerRequest").asDouble(), 1e-9);
        assertEquals(5.8 * 1000 / 43_500, warden400.path("postgresCpuMsPerRequest").asDouble(), 1e-9);
    }

    @Test
    void closedLoopTargetsCompareWithThePeerAndAddPostgresToTheCpu() throws IOException {
        JsonNode targets = report().path("targets");

        JsonNode at50 = target(targets, "Closed loop, 50 connections: Warden ≥ Spring Cloud Gateway (req/s)");
        assertEquals("met", at50.path("status").asText());
        JsonNode at400 = target(targets, "Closed loop, 400 connections: Warden ≥ Spring Cloud Gateway (req/s)");
        assertEquals("missed", at400.path("status").asText());
        assertEquals("100.00", at400.path("missedBy").asText());
        JsonNode cpu = target(targets, "Closed loop, 400 connections: Warden + its PostgreSQL CPU per request "
                + "(core-ms)");
        assertEquals("missed", cpu.path("status").asText());
        assertEquals(BenchReport.format(0.4 + 5.8 * 1000 / 43_500), cpu.path("measured").asText());
        JsonNode w1 = target(targets, "W1 at the steady rate: Warden p99 over direct (ms)");
        assertEquals("2.50", w1.path("measured").asText());
        assertEquals("missed", w1.path("status").asText());
    }

    @Test
    void markdownHasAClosedLoopRowPerPhase() throws IOException {
        Path markdown = results.resolve("r.md");
        new BenchReport(run, 10, 1500, "env", "").write(results.resolve("r.json"), markdown);

        String text = Files.readString(markdown);

        assertTrue(text.contains("## Closed loop"));
        assertTrue(text.contains("| warden | 400 | 2900.00 | 40.00 | 80.00 | 3 | 0.400 | 0.133 |"), text);
        assertTrue(text.contains("| scg | 50 | 1700.00 | 40.00 | 80.00 | 0 | 0.067 | — |"), text);
    }

    private JsonNode report() throws IOException {
        Path json = results.resolve("r.json");
        new BenchReport(run, 10, 1500, "env", "").write(json, results.resolve("r.md"));
        return JSON.readTree(json.toFile());
    }

    private static JsonNode target(JsonNode targets, String name) {
        for (JsonNode target : targets) {
            if (target.path("target").asText().equals(name)) {
                return target;
            }
        }
        throw new AssertionError("no target " + name + " in " + targets);
    }

    private static List<String> keys(XYDataset dataset) {
        List<String> keys = new ArrayList<>();
        for (int series = 0; series < dataset.getSeriesCount(); series++) {
            keys.add(dataset.getSeriesKey(series).toString());
        }
        return keys;
    }

    private void steady(String label, double p50, double p99) throws IOException {
        String latency = "{\"p50\":" + p50 + ",\"p90\":" + p99 + ",\"p99\":" + p99 + ",\"p999\":" + p99 + "}";
        write(label + ".json", "{\"runs\":[{\"sent\":10000,\"targetRate\":500}],\"median\":{\"targetRate\":500,"
                + "\"achievedRate\":500,\"errors\":{},\"latencyMs\":" + latency + "}}");
    }

    private void saturation(String label) throws IOException {
        write(label + ".json", "{\"bestRate\":1000,\"steps\":["
                + step(250, 8, 20, false) + "," + step(1000, 9, 30, false) + "," + step(2000, 50, 400, false) + ","
                + step(2000, 60, 500, true) + "]}");
    }

    private static String step(double rate, double p50, double p99, boolean confirmation) {
        return "{\"targetRate\":" + rate + ",\"achievedRate\":" + rate + ",\"p50Ms\":" + p50 + ",\"p99Ms\":" + p99
                + ",\"confirmation\":" + confirmation + "}";
    }

    /** As bench/wrk/summary.awk writes it, for a 15 s run. */
    private void closed(String target, int connections, double rate, long timeouts, double cpu, double postgresCpu)
            throws IOException {
        String label = "CL-" + target + "-" + connections;
        write(label + ".json", "{\"label\":\"" + label + "\",\"target\":\"" + target + "\",\"connections\":"
                + connections + ",\"durationS\":15.0,\"requests\":" + Math.round(rate * 15) + ",\"requestsPerSecond\":"
                + rate + ",\"latencyMs\":{\"p50\":40.0,\"p99\":80.0},\"errors\":{\"non2xx\":0,\"connect\":0,"
                + "\"read\":0,\"write\":0,\"timeout\":" + timeouts + "},\"cpuSeconds\":" + cpu
                + ",\"postgresCpuSeconds\":" + postgresCpu + "}");
    }

    private void write(String name, String json) throws IOException {
        Files.writeString(run.resolve(name), json);
    }
}
