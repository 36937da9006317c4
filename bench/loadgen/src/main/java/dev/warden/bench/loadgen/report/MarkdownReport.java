package dev.warden.bench.loadgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** The human-readable report: one table per workload family, then the targets. */
final class MarkdownReport {

    private final JsonNode all;
    private final StringBuilder out = new StringBuilder();

    MarkdownReport(JsonNode all) {
        this.all = all;
    }

    String render() {
        out.append("# Warden benchmark\n\n");
        out.append(all.path("environment").asText()).append("\n\n");
        out.append("Warden ready in ").append(all.path("startupMs").asLong())
                .append(" ms on a warm embedded database.\n\n");
        out.append("Latency is measured from each request's intended send time (open loop, no coordinated "
                + "omission); each row is the median of the measured runs. CPU is user+system time of the target's "
                + "processes over warm-up and runs, per 1,000 requests; Warden's PostgreSQL is listed apart.\n\n");
        steadyTable("W1: pass-through, one OpenAI-shaped vendor at 20 ms", "W1-");
        saturationTable();
        closedLoopTable();
        chart();
        steadyTable("W2-W4: fan-out to two vendors (20 ms, 30 ms) and local-rules, persisted", "W2-", "W3-", "W4-");
        targetTable();
        return out.toString();
    }

    private void steadyTable(String title, String... prefixes) {
        out.append("## ").append(title).append("\n\n");
        out.append("| target | achieved req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | overhead p50 / p99 ms | errors "
                + "| CPU s / 1k req | PostgreSQL CPU s / 1k | peak RSS MB |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        JsonNode direct = all.path("workloads").path("W1-direct").path("median").path("latencyMs");
        Iterator<Map.Entry<String, JsonNode>> rows = all.path("workloads").fields();
        while (rows.hasNext()) {
            Map.Entry<String, JsonNode> row = rows.next();
            if (!startsWithAny(row.getKey(), prefixes)) {
                continue;
            }
            JsonNode median = row.getValue().path("median");
            JsonNode latency = median.path("latencyMs");
            out.append("| ").append(row.getKey()).append(row.getValue().path("generatorLagged").asBoolean()
                    ? " (generator lagged)" : "")
                    .append(" | ").append(number(median.path("achievedRate")))
                    .append(" | ").append(number(latency.path("p50")))
                    .append(" | ").append(number(latency.path("p90")))
                    .append(" | ").append(number(latency.path("p99")))
                    .append(" | ").append(number(latency.path("p999")))
                    .append(" | ").append(row.getKey().startsWith("W1-") && !row.getKey().equals("W1-direct")
                            ? BenchReport.format(latency.path("p50").asDouble() - direct.path("p50").asDouble())
                                    + " / "
                                    + BenchReport.format(latency.path("p99").asDouble() - direct.path("p99").asDouble())
                            : "")
                    .append(" | ").append(median.path("errors").toString())
                    .append(" | ").append(number(row.getValue().path("cpuSecondsPer1000")))
                    .append(" | ").append(number(row.getValue().path("postgresCpuSecondsPer1000")))
                    .append(" | ").append(number(row.getValue().path("peakRssMb")))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private void saturationTable() {
        out.append("## W1 saturation: highest rate with p99 within the bound and no errors\n\n");
        out.append("| target | best rate req/s | achieved req/s |\n| --- | --- | --- |\n");
        all.path("saturation").fields().forEachRemaining(entry -> out.append("| ").append(entry.getKey())
                .append(" | ").append(number(entry.getValue().path("bestRate")))
                .append(" | ").append(number(entry.getValue().path("bestAchievedRate"))).append(" |\n"));
        out.append('\n');
    }

    private void closedLoopTable() {
        out.append("## Closed loop: W1's call at a fixed number of connections (wrk, keep-alive)\n\n");
        out.append("Each connection sends its next request when the previous answer arrives, so the rate is what the "
                + "target sustains. CPU is user+system time of the target's processes during the measured run, per "
                + "request; Warden's PostgreSQL apart.\n\n");
        out.append("| target | connections | req/s | p50 ms | p99 ms | errors | CPU ms / req "
                + "| PostgreSQL CPU ms / req |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (JsonNode row : all.path("closedLoop")) {
            out.append("| ").append(row.path("target").asText())
                    .append(" | ").append(row.path("connections").asInt())
                    .append(" | ").append(number(row.path("requestsPerSecond")))
                    .append(" | ").append(number(row.path("latencyMs").path("p50")))
                    .append(" | ").append(number(row.path("latencyMs").path("p99")))
                    .append(" | ").append(row.path("errorCount").asLong())
                    .append(" | ").append(BenchReport.format(row.path("cpuMsPerRequest").asDouble(), 3))
                    .append(" | ").append(row.path("target").asText().equals("warden")
                            ? BenchReport.format(row.path("postgresCpuMsPerRequest").asDouble(), 3) : "—")
                    .append(" |\n");
        }
        out.append('\n');
    }

    private void chart() {
        out.append("## Latency against load\n\n![W1 latency against load, per target](")
                .append(all.path("chart").asText()).append(")\n\n");
    }

    private void targetTable() {
        out.append("## Targets\n\n| target | goal | measured | status |\n| --- | --- | --- | --- |\n");
        for (JsonNode target : all.path("targets")) {
            out.append("| ").append(target.path("target").asText()).append(" | ").append(target.path("goal").asText())
                    .append(" | ").append(target.path("measured").asText("—")).append(" | ")
                    .append(target.path("status").asText())
                    .append(target.has("missedBy") ? " by " + target.path("missedBy").asText() : "").append(" |\n");
        }
        out.append('\n');
    }

    private static boolean startsWithAny(String label, String... prefixes) {
        for (String prefix : prefixes) {
            if (label.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String number(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "—" : BenchReport.format(value.asDouble());
    }
}
