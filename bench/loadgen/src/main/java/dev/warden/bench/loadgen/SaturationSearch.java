package dev.warden.bench.loadgen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The saturate mode: after warming up at the start rate, raise the rate geometrically until a step fails
 * (see {@link StepVerdict}). A failed step is retried once, so a single hiccup (a GC pause, a noisy
 * neighbour) does not end the search early; the search stops when the retry fails too.
 */
final class SaturationSearch {

    static final String MAX_RATE_REACHED = "max_rate_reached";

    private SaturationSearch() {
    }

    static SaturationReport execute(Command.Saturate command, PhaseRunner runner, PrintStream out) {
        String label = command.common().label();
        Warmup.run(runner, command.startRate(), command.common().warmup(), out);

        List<SaturationStep> steps = new ArrayList<>();
        RunStats best = null;
        String stopReason = MAX_RATE_REACHED;
        double rate = command.startRate();
        while (true) {
            RunStats stats = runner.run(rate, command.stepDuration());
            StepVerdict verdict = record(steps, stats, command.latencyBoundMs(), false, label, out);
            if (verdict != StepVerdict.PASS) {
                stats = runner.run(rate, command.stepDuration());
                verdict = record(steps, stats, command.latencyBoundMs(), true, label, out);
                if (verdict != StepVerdict.PASS) {
                    stopReason = verdict.code();
                    break;
                }
            }
            best = stats;
            if (rate >= command.maxRate()) {
                break;
            }
            rate = nextRate(rate, command.stepFactor(), command.maxRate());
        }

        SaturationReport report = new SaturationReport(
                label,
                command.common().url().toString(),
                command.latencyBoundMs(),
                best == null ? null : best.targetRate(),
                best == null ? null : best.achievedRate(),
                stopReason,
                steps.stream().anyMatch(SaturationStep::generatorLagged),
                List.copyOf(steps));
        out.println(SummaryLines.searchResult(report));
        return report;
    }

    /**
     * Rates are rounded to whole requests per second so reports stay readable; at least +1 so a small
     * factor still makes progress, and never past the maximum, which is itself tried as the last step.
     */
    static double nextRate(double rate, double stepFactor, double maxRate) {
        return Math.min(maxRate, Math.max(rate + 1, Math.round(rate * stepFactor)));
    }

    private static StepVerdict record(List<SaturationStep> steps, RunStats stats, double latencyBoundMs,
                                      boolean confirmation, String label, PrintStream out) {
        StepVerdict verdict = StepVerdict.judge(stats, latencyBoundMs);
        SaturationStep step = SaturationStep.of(stats, verdict, confirmation);
        steps.add(step);
        out.println(SummaryLines.step(label, step));
        return verdict;
    }
}
