package dev.warden.bench.loadgen;

/**
 * One step of the saturation search as reported.
 *
 * @param p50Ms        null when the step had no successful response (so is p99Ms)
 * @param confirmation this is the retry of a step that failed once
 */
record SaturationStep(double targetRate, double achievedRate, Double p50Ms, Double p99Ms, long errors, StepVerdict verdict,
                      boolean confirmation, boolean generatorLagged) {

    static SaturationStep of(RunStats stats, StepVerdict verdict, boolean confirmation) {
        return new SaturationStep(
                stats.targetRate(),
                stats.achievedRate(),
                stats.latencyMs() == null ? null : stats.latencyMs().p50(),
                stats.latencyMs() == null ? null : stats.latencyMs().p99(),
                stats.errorCount(),
                verdict,
                confirmation,
                stats.generatorLagged());
    }
}
