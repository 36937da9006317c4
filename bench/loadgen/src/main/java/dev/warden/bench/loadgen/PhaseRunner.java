package dev.warden.bench.loadgen;

import java.time.Duration;

/** Runs one constant-rate phase and reports it: the seam between the run/search logic and real HTTP. */
@FunctionalInterface
interface PhaseRunner {

    RunStats run(double ratePerSecond, Duration duration);
}
