package dev.warden.bench.loadgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The targets of the benchmark issue, each evaluated against the measurements: met, missed by how much, or not
 * measured. The numbers here are the targets; they are not to be loosened to make a report green.
 */
final class Targets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode workloads;
    private final JsonNode saturation;
    private final long startupMs;
    private final List<ObjectNode> results = new ArrayList<>();

    Targets(JsonNode workloads, JsonNode saturation, long startupMs) {
        this.workloads = workloads;
        this.saturation = saturation;
        this.startupMs = startupMs;
    }

    List<ObjectNode> evaluate() {
        double directP99 = p99("W1-direct");
        double warden1 = p99("W1-warden") - directP99;
        double scg1 = p99("W1-scg") - directP99;
        atMost("W1: Warden p99 overhead over direct (ms)", warden1, 2.0);
        atMost("W1: Warden p99 overhead below Spring Cloud Gateway's (ms)", warden1, scg1);
        atLeast("Saturation: Warden ≥ Spring Cloud Gateway (req/s)", best("SAT-warden"), best("SAT-scg"));
        atLeast("Saturation: Warden ≥ 0.5 × nginx (req/s)", best("SAT-warden"), 0.5 * best("SAT-nginx"));
        atMost("W2: p99 ≤ slowest vendor + 5 ms (ms)", p99("W2-warden"), BenchReport.SLOWEST_W2_VENDOR_MS + 5);
        atMost("W2: Warden CPU per 1,000 requests (core-seconds)",
                workloads.path("W2-warden").path("cpuSecondsPer1000").asDouble(Double.NaN), 0.5);
        atMost("W3: p99 within 10 % of W2 (ms)", p99("W3-warden"), 1.10 * p99("W2-warden"));
        atMost("W3: Warden errors", errors("W3-warden"), 0);
        atMost("W4: p99 ≤ deadline + 5 ms (ms)", p99("W4-warden"), BenchReport.W4_DEADLINE_MS + 5);
        atMost("W4: Warden errors", errors("W4-warden"), 0);
        atMost("W2: Warden peak RSS (MB)", workloads.path("W2-warden").path("peakRssMb").asDouble(Double.NaN), 400);
        atMost("Ready on a warm embedded database (ms)", startupMs, 3000);
        return results;
    }

    private double p99(String label) {
        return workloads.path(label).path("median").path("latencyMs").path("p99").asDouble(Double.NaN);
    }

    private double errors(String label) {
        JsonNode median = workloads.path(label).path("median");
        if (median.isMissingNode()) {
            return Double.NaN;
        }
        double total = 0;
        for (JsonNode count : median.path("errors")) {
            total += count.asDouble();
        }
        return total;
    }

    private double best(String label) {
        return saturation.path(label).path("bestRate").asDouble(Double.NaN);
    }

    private void atMost(String name, double measured, double limit) {
        record(name, measured, "≤ " + BenchReport.format(limit), measured <= limit, measured - limit);
    }

    private void atLeast(String name, double measured, double floor) {
        record(name, measured, "≥ " + BenchReport.format(floor), measured >= floor, floor - measured);
    }

    private void record(String name, double measured, String target, boolean met, double gap) {
        ObjectNode result = JSON.createObjectNode();
        result.put("target", name);
        result.put("goal", target);
        result.put("measured", Double.isNaN(measured) ? null : BenchReport.format(measured));
        boolean measurable = !Double.isNaN(measured) && !target.contains("NaN");
        result.put("status", !measurable ? "not measured" : met ? "met" : "missed");
        if (measurable && !met) {
            result.put("missedBy", BenchReport.format(gap));
        }
        results.add(result);
    }
}
