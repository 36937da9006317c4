package dev.warden.bench.loadgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The closed-loop phases of a run ({@code CL-<target>-<connections>.json}, written by run.sh from wrk's summary),
 * one row each, in the report's target order and then by connections, with the CPU each request cost.
 */
final class ClosedLoopResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "CL-";

    private ClosedLoopResults() {
    }

    static List<ObjectNode> read(Path runDirectory) throws IOException {
        List<ObjectNode> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(runDirectory)) {
            for (Path file : files.filter(ClosedLoopResults::isPhase).toList()) {
                rows.add(row((ObjectNode) JSON.readTree(file.toFile())));
            }
        }
        rows.sort(Comparator.comparingInt((ObjectNode row) -> BenchTarget.order(row.path("target").asText()))
                .thenComparingInt(row -> row.path("connections").asInt()));
        return rows;
    }

    private static boolean isPhase(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(".json");
    }

    /** Adds the total of errors and the CPU per request; wrk's own figures stay as they were written. */
    private static ObjectNode row(ObjectNode phase) {
        long errors = 0;
        for (JsonNode count : phase.path("errors")) {
            errors += count.asLong();
        }
        phase.put("errorCount", errors);
        double requests = Math.max(1, phase.path("requests").asLong());
        phase.put("cpuMsPerRequest", 1000 * phase.path("cpuSeconds").asDouble() / requests);
        phase.put("postgresCpuMsPerRequest", 1000 * phase.path("postgresCpuSeconds").asDouble() / requests);
        return phase;
    }
}
