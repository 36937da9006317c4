package dev.warden.bench.loadgen;

import java.util.List;

/** The JSON report of the run mode. */
record RunReport(List<RunStats> runs, RunStats median) {

    static RunReport of(List<RunStats> runs) {
        return new RunReport(List.copyOf(runs), Medians.across(runs));
    }
}
