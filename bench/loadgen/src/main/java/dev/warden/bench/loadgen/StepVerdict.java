package dev.warden.bench.loadgen;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a saturation step sustained its rate, and if not, the first criterion it missed. */
enum StepVerdict {
    PASS("pass"),
    ERRORS("errors"),
    LOW_THROUGHPUT("throughput_below_95pct"),
    LATENCY("p99_above_bound");

    /** A step must complete at least this share of its target rate to pass. */
    static final double REQUIRED_RATE_FRACTION = 0.95;

    private final String code;

    StepVerdict(String code) {
        this.code = code;
    }

    @JsonValue
    String code() {
        return code;
    }

    /** Checked in this order: any error at all, then throughput, then p99 against the bound. */
    static StepVerdict judge(RunStats step, double latencyBoundMs) {
        if (step.errorCount() > 0) {
            return ERRORS;
        }
        if (step.achievedRate() < REQUIRED_RATE_FRACTION * step.targetRate()) {
            return LOW_THROUGHPUT;
        }
        if (step.latencyMs() == null || step.latencyMs().p99() > latencyBoundMs) {
            return LATENCY;
        }
        return PASS;
    }
}
