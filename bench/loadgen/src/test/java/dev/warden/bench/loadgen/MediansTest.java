package dev.warden.bench.loadgen;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediansTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, Medians.of(new double[] {9, 3, 1}));
        assertEquals(2.5, Medians.of(new double[] {4, 1, 3, 2}));
        assertEquals(7, Medians.of(new double[] {7}));
        assertThrows(IllegalArgumentException.class, () -> Medians.of(new double[0]));
    }

    @Test
    void eachStatisticIsTakenIndependently() {
        RunStats fastButFewer = TestRuns.run(200, 190, 950, Map.of(), 8);
        RunStats middle = TestRuns.run(200, 199, 1000, Map.of(), 12);
        RunStats slow = TestRuns.run(200, 200, 1000, Map.of(), 40);

        RunStats median = Medians.across(List.of(slow, fastButFewer, middle));

        assertEquals(199, median.achievedRate());
        assertEquals(1000, median.ok());
        assertEquals(12, median.latencyMs().p99());
        assertEquals(6, median.latencyMs().p90());
        assertEquals("label", median.label());
        assertEquals(200, median.targetRate());
        assertEquals(5, median.durationS());
    }

    @Test
    void errorKindsFromAnyRunStayListedWithMissingCountedAsZero() {
        RunStats clean = TestRuns.run(100, 100, 500, Map.of(), 5);
        RunStats someTimeouts = TestRuns.run(100, 99, 497, Map.of("timeout", 3L), 5);
        RunStats manyErrors = TestRuns.run(100, 90, 450, Map.of("timeout", 20L, "status_500", 30L), 5);

        RunStats median = Medians.across(List.of(clean, someTimeouts, manyErrors));

        assertEquals(Map.of("timeout", 3L, "status_500", 0L), median.errors());
        assertEquals(List.of("status_500", "timeout"), List.copyOf(median.errors().keySet()), "sorted");
    }

    @Test
    void evenRunCountsAverageTheMiddleAndRoundCounts() {
        RunStats median = Medians.across(List.of(
                TestRuns.run(100, 100, 500, Map.of(), 5),
                TestRuns.run(100, 99, 501, Map.of(), 6)));
        assertEquals(99.5, median.achievedRate());
        assertEquals(501, median.ok(), "500.5 rounds half up");
        assertEquals(5.5, median.latencyMs().p99());
    }

    @Test
    void anyLaggedRunMarksTheMedianAndKeepsTheWorstLag() {
        RunStats lagged = new RunStats("l", "u", 100, 5, 100, 500, 500, Map.of(), null, true, 42.5);
        RunStats fine = TestRuns.passing(100);

        RunStats median = Medians.across(List.of(fine, lagged, TestRuns.passing(100)));

        assertTrue(median.generatorLagged());
        assertEquals(42.5, median.maxGeneratorLagMs());
        assertFalse(Medians.across(List.of(fine)).generatorLagged());
    }

    @Test
    void latencyMedianSkipsRunsWithoutSuccessesAndIsNullWhenNoneHad() {
        RunStats nothingOk = new RunStats("l", "u", 100, 5, 0, 500, 0, Map.of("timeout", 500L), null, false, 0);
        RunStats ok = TestRuns.run(100, 100, 500, Map.of(), 5);

        assertEquals(5, Medians.across(List.of(nothingOk, ok)).latencyMs().p99());
        assertNull(Medians.across(List.of(nothingOk, nothingOk)).latencyMs());
    }
}
