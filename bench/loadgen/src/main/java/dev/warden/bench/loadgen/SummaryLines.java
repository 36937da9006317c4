package dev.warden.bench.loadgen;

import java.util.Locale;

/** The one-line human summaries printed while a benchmark runs. */
final class SummaryLines {

    private SummaryLines() {
    }

    static String run(String title, RunStats stats) {
        return String.format(Locale.ROOT, "[%s] %s: target %.1f/s achieved %.1f/s sent %d ok %d errors %s | %s%s",
                stats.label(), title, stats.targetRate(), stats.achievedRate(), stats.sent(), stats.ok(),
                stats.errorCount() == 0 ? "0" : stats.errors().toString(),
                latency(stats.latencyMs()), lagWarning(stats));
    }

    static String step(String label, SaturationStep step) {
        return String.format(Locale.ROOT, "[%s] step%s %s/s: achieved %.1f/s p99 %s errors %d -> %s%s",
                label, step.confirmation() ? " (confirmation)" : "", rate(step.targetRate()), step.achievedRate(),
                step.p99Ms() == null ? "n/a" : String.format(Locale.ROOT, "%.3f ms", step.p99Ms()),
                step.errors(), step.verdict().code(),
                step.generatorLagged() ? " | GENERATOR LAGGED: this step says little about the target" : "");
    }

    static String searchResult(SaturationReport report) {
        String best = report.bestRate() == null ? "none (the start rate already failed)"
                : String.format(Locale.ROOT, "%s/s (achieved %.1f/s)", rate(report.bestRate()),
                report.bestAchievedRate());
        return "[" + report.label() + "] best rate: " + best + ", stopped: " + report.stopReason();
    }

    /** Step rates are whole numbers except perhaps the start rate; show ".0" only where it is not noise. */
    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }

    private static String latency(LatencySummary ms) {
        if (ms == null) {
            return "latency: no successful responses";
        }
        return String.format(Locale.ROOT, "latency ms p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f max %.3f mean %.3f",
                ms.p50(), ms.p90(), ms.p99(), ms.p999(), ms.max(), ms.mean());
    }

    private static String lagWarning(RunStats stats) {
        if (!stats.generatorLagged()) {
            return "";
        }
        return String.format(Locale.ROOT,
                " | GENERATOR LAGGED (max %.1f ms): latencies include the generator's own delay",
                stats.maxGeneratorLagMs());
    }
}
