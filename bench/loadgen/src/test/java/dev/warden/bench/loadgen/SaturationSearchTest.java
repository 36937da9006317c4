package dev.warden.bench.loadgen;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaturationSearchTest {

    @Test
    void verdictChecksErrorsThenThroughputThenLatency() {
        assertEquals(StepVerdict.PASS, StepVerdict.judge(TestRuns.run(100, 95, 475, Map.of(), 50), 50));
        assertEquals(StepVerdict.ERRORS,
                StepVerdict.judge(TestRuns.run(100, 50, 250, Map.of("timeout", 1L), 500), 50));
        assertEquals(StepVerdict.LOW_THROUGHPUT, StepVerdict.judge(TestRuns.run(100, 94.9, 474, Map.of(), 5), 50));
        assertEquals(StepVerdict.LATENCY, StepVerdict.judge(TestRuns.run(100, 100, 500, Map.of(), 50.001), 50));
    }

    @Test
    void nextRateIsGeometricWholeAndCappedAtTheMaximum() {
        assertEquals(313, SaturationSearch.nextRate(250, 1.25, 50_000));
        assertEquals(391, SaturationSearch.nextRate(313, 1.25, 50_000));
        assertEquals(489, SaturationSearch.nextRate(391, 1.25, 50_000), "488.75 rounds up");
        assertEquals(3, SaturationSearch.nextRate(2, 1.01, 50_000), "always at least +1");
        assertEquals(1000, SaturationSearch.nextRate(900, 1.25, 1000));
    }

    @Test
    void climbsUntilAStepFailsTwiceAndReportsTheHighestPass() {
        FakeTarget target = new FakeTarget(rate -> rate < 500 ? TestRuns.passing(rate)
                : TestRuns.run(rate, 500, 2500, Map.of(), 80));

        SaturationReport report = SaturationSearch.execute(saturate(250, 1.25, 50_000, "1s"), target, quiet());

        assertEquals(List.of(250.0, 250.0, 313.0, 391.0, 489.0, 611.0, 611.0), target.rates,
                "warm-up, then steps; the failing 611 is confirmed once");
        assertEquals(489, report.bestRate());
        assertEquals(489, report.bestAchievedRate());
        assertEquals("throughput_below_95pct", report.stopReason());
        List<SaturationStep> steps = report.steps();
        assertEquals(6, steps.size());
        assertEquals(StepVerdict.PASS, steps.get(3).verdict());
        assertFalse(steps.get(4).confirmation());
        assertTrue(steps.get(5).confirmation());
        assertEquals(StepVerdict.LOW_THROUGHPUT, steps.get(5).verdict());
        assertEquals(80, steps.get(5).p99Ms());
    }

    @Test
    void aStepThatPassesOnConfirmationLetsTheSearchGoOn() {
        int[] calls = {0};
        FakeTarget target = new FakeTarget(rate -> {
            calls[0]++;
            if (rate == 313 && calls[0] == 2) {
                return TestRuns.run(rate, rate, 1565, Map.of(), 200); // one slow hiccup
            }
            return rate <= 391 ? TestRuns.passing(rate) : TestRuns.run(rate, rate, 0, Map.of("timeout", 9L), 5);
        });

        SaturationReport report = SaturationSearch.execute(saturate(250, 1.25, 50_000, "0s"), target, quiet());

        assertEquals(List.of(250.0, 313.0, 313.0, 391.0, 489.0, 489.0), target.rates);
        assertEquals(391, report.bestRate());
        assertEquals("errors", report.stopReason());
    }

    @Test
    void stopsAtTheMaximumRate() {
        FakeTarget target = new FakeTarget(TestRuns::passing);

        SaturationReport report = SaturationSearch.execute(saturate(100, 2, 300, "0s"), target, quiet());

        assertEquals(List.of(100.0, 200.0, 300.0), target.rates);
        assertEquals(300, report.bestRate());
        assertEquals(SaturationSearch.MAX_RATE_REACHED, report.stopReason());
    }

    @Test
    void failingAtTheStartRateReportsNoBestRate() {
        FakeTarget target = new FakeTarget(rate -> TestRuns.run(rate, rate, 500, Map.of(), 999));

        SaturationReport report = SaturationSearch.execute(saturate(100, 2, 300, "0s"), target, quiet());

        assertNull(report.bestRate());
        assertNull(report.bestAchievedRate());
        assertEquals("p99_above_bound", report.stopReason());
    }

    private static Command.Saturate saturate(double start, double factor, double max, String warmup) {
        Command.Common common = new Command.Common(URI.create("http://localhost/"), "POST", Optional.empty(),
                List.of(), 64, Duration.ofSeconds(10), Durations.parse(warmup), "label", Optional.empty());
        return new Command.Saturate(common, 50, start, factor, max, Duration.ofSeconds(5));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    /** Answers each phase from a function of the rate and remembers the rates asked for. */
    private static final class FakeTarget implements PhaseRunner {

        final List<Double> rates = new ArrayList<>();
        private final DoubleFunction<RunStats> behaviour;

        FakeTarget(DoubleFunction<RunStats> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public RunStats run(double ratePerSecond, Duration duration) {
            rates.add(ratePerSecond);
            return behaviour.apply(ratePerSecond);
        }
    }
}
