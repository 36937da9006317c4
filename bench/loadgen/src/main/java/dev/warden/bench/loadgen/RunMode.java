package dev.warden.bench.loadgen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The run mode: warm up, then measure the same constant rate --runs times; report each run and the median. */
final class RunMode {

    private RunMode() {
    }

    static RunReport execute(Command.Run command, PhaseRunner runner, PrintStream out) {
        Warmup.run(runner, command.rate(), command.common().warmup(), out);
        List<RunStats> runs = new ArrayList<>();
        for (int run = 1; run <= command.runs(); run++) {
            RunStats stats = runner.run(command.rate(), command.duration());
            out.println(SummaryLines.run("run " + run + "/" + command.runs(), stats));
            runs.add(stats);
        }
        RunReport report = RunReport.of(runs);
        out.println(SummaryLines.run("median of " + runs.size(), report.median()));
        return report;
    }
}
