package dev.warden.bench.loadgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one benchmark run directory (the load generator's results and run.sh's process measurements) into the
 * machine-readable {@code bench/results/<date>.json}, the Markdown report with every target met or its gap, and
 * the latency chart beside it ({@code <date>-latency.png}, linked from the report).
 */
public final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Nominal latencies of the simulator (bench/sim/nginx-sim.conf.in) and of the W4 policy's deadline. */
    static final double SLOWEST_W2_VENDOR_MS = 30;
    static final double W4_DEADLINE_MS = 800;

    private final Path runDirectory;
    private final double warmupSeconds;
    private final long startupMs;
    private final String environment;
    private final String findings;

    public BenchReport(Path runDirectory, double warmupSeconds, long startupMs, String environment, String findings) {
        this.runDirectory = runDirectory;
        this.warmupSeconds = warmupSeconds;
        this.startupMs = startupMs;
        this.environment = environment;
        this.findings = findings;
    }

    public void write(Path jsonOut, Path markdownOut) throws IOException {
        ObjectNode all = JSON.createObjectNode();
        all.put("runDirectory", runDirectory.toString());
        all.put("environment", environment);
        all.put("startupMs", startupMs);
        ObjectNode workloads = all.putObject("workloads");
        for (String label : List.of("W1-direct", "W1-nginx", "W1-scg", "W1-warden", "W2-warden", "W3-warden",
                "W4-warden")) {
            steady(label).ifPresent(row -> workloads.set(label, row));
        }
        ObjectNode saturation = all.putObject("saturation");
        for (String label : List.of("SAT-nginx", "SAT-scg", "SAT-warden")) {
            read(label + ".json").ifPresent(result -> saturation.set(label, result));
        }
        ArrayNode closedLoop = all.putArray("closedLoop");
        ClosedLoopResults.read(runDirectory).forEach(closedLoop::add);
        ArrayNode targets = all.putArray("targets");
        new Targets(workloads, closedLoop, startupMs).evaluate().forEach(targets::add);
        Path chart = chartBeside(markdownOut);
        all.put("chart", chart.getFileName().toString());
        Files.createDirectories(jsonOut.toAbsolutePath().getParent());
        Files.createDirectories(markdownOut.toAbsolutePath().getParent());
        new LatencyChart(all).writePng(chart);
        JSON.writeValue(jsonOut.toFile(), all);
        Files.writeString(markdownOut, new MarkdownReport(all).render() + demoted(findings));
    }

    /** {@code <stamp>.md} gets {@code <stamp>-latency.png} in the same directory, so a relative link finds it. */
    static Path chartBeside(Path markdown) {
        String name = markdown.getFileName().toString().replaceFirst("\\.md$", "");
        return markdown.resolveSibling(name + "-latency.png");
    }

    /** The median run of a steady workload, with its process costs per 1,000 requests. */
    private Optional<ObjectNode> steady(String label) throws IOException {
        Optional<JsonNode> result = read(label + ".json");
        if (result.isEmpty()) {
            return Optional.empty();
        }
        JsonNode median = result.get().path("median");
        ObjectNode row = JSON.createObjectNode();
        row.put("label", label);
        row.set("median", median);
        row.put("generatorLagged", result.get().path("generatorLagged").asBoolean(false)
                || anyRunLagged(result.get()));
        long requests = 0;
        for (JsonNode run : result.get().path("runs")) {
            requests += run.path("sent").asLong();
        }
        requests += Math.round(median.path("targetRate").asDouble(result.get().path("runs").path(0)
                .path("targetRate").asDouble()) * warmupSeconds);
        row.put("requests", requests);
        read(label + ".process.json").ifPresent(process -> {
            double cpu = process.path("cpuSeconds").asDouble();
            double postgres = process.path("postgresCpuSeconds").asDouble();
            row.put("cpuSeconds", cpu);
            row.put("cpuSecondsPer1000", 1000 * cpu / Math.max(1, row.path("requests").asLong()));
            row.put("postgresCpuSecondsPer1000", 1000 * postgres / Math.max(1, row.path("requests").asLong()));
            row.put("peakRssMb", process.path("peakRssKb").asDouble() / 1024);
        });
        return Optional.of(row);
    }

    private static boolean anyRunLagged(JsonNode result) {
        for (JsonNode run : result.path("runs")) {
            if (run.path("generatorLagged").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private Optional<JsonNode> read(String name) throws IOException {
        Path file = runDirectory.resolve(name);
        return Files.exists(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
    }

    /** The findings file's headings one level down, so they sit under the report's title. */
    private static String demoted(String findings) {
        return findings.isBlank() ? "" : "\n" + findings.replaceAll("(?m)^#", "##");
    }

    static String format(double value) {
        return format(value, 2);
    }

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
