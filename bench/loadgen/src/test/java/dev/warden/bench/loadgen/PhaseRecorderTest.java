package dev.warden.bench.loadgen;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class PhaseRecorderTest {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000;

    @Test
    void latencyRunsFromTheIntendedTimeNotTheActualSend() {
        PhaseRecorder recorder = new PhaseRecorder(10, Duration.ofSeconds(1));
        recorder.startWindow(START);
        recorder.dispatched(START, START + 3 * MS);
        recorder.succeeded(START, START + 8 * MS);

        RunStats stats = recorder.summarize("l", "u");

        assertEquals(8.0, stats.latencyMs().p50(), 0.01);
        assertEquals(3.0, stats.maxGeneratorLagMs());
        assertFalse(stats.generatorLagged());
    }

    @Test
    void achievedRateCountsOnlySuccessesCompletedInsideTheWindow() {
        PhaseRecorder recorder = new PhaseRecorder(4, Duration.ofSeconds(2));
        recorder.startWindow(START);
        for (int i = 0; i < 8; i++) {
            long intended = START + i * 250 * MS;
            recorder.dispatched(intended, intended);
        }
        for (int i = 0; i < 5; i++) {
            recorder.succeeded(START + i * 250 * MS, START + i * 250 * MS + 10 * MS);
        }
        recorder.succeeded(START + 1750 * MS, START + 2500 * MS); // after the window: latency yes, rate no
        recorder.failed(ErrorKinds.status(503));
        recorder.failed(ErrorKinds.TIMEOUT);

        RunStats stats = recorder.summarize("l", "u");

        assertEquals(2.5, stats.achievedRate());
        assertEquals(8, stats.sent());
        assertEquals(6, stats.ok());
        assertEquals(Map.of("status_503", 1L, "timeout", 1L), stats.errors());
        assertEquals(750, stats.latencyMs().max(), 1);
        assertEquals(2, stats.durationS());
        assertEquals(4, stats.targetRate());
    }

    @Test
    void noSuccessesMeansNoLatencyRatherThanZeros() {
        PhaseRecorder recorder = new PhaseRecorder(1, Duration.ofSeconds(1));
        recorder.startWindow(START);
        recorder.dispatched(START, START);
        recorder.failed(ErrorKinds.CONNECTION);
        assertNull(recorder.summarize("l", "u").latencyMs());
    }
}
