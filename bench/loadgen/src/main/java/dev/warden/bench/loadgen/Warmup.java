package dev.warden.bench.loadgen;

import java.io.PrintStream;
import java.time.Duration;

/** Sends load that is not recorded, so JIT compilation, pools and caches settle before measuring. */
final class Warmup {

    private Warmup() {
    }

    static void run(PhaseRunner runner, double ratePerSecond, Duration duration, PrintStream out) {
        if (duration.isZero()) {
            return;
        }
        out.println(SummaryLines.run("warm-up (not recorded)", runner.run(ratePerSecond, duration)));
    }
}
