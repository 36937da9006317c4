package dev.warden.bench.loadgen;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrivalScheduleTest {

    @Test
    void requestCountIsRateTimesDuration() {
        assertEquals(400, new ArrivalSchedule(200, Duration.ofSeconds(2)).requestCount());
        assertEquals(1563, new ArrivalSchedule(312.5, Duration.ofSeconds(5)).requestCount());
        assertEquals(5, new ArrivalSchedule(20, Duration.ofMillis(250)).requestCount());
    }

    @Test
    void intendedTimesAreEvenlySpacedFromTheStart() {
        ArrivalSchedule schedule = new ArrivalSchedule(200, Duration.ofSeconds(2));
        assertEquals(0, schedule.intendedOffsetNanos(0));
        assertEquals(5_000_000, schedule.intendedOffsetNanos(1));
        assertEquals(1_995_000_000, schedule.intendedOffsetNanos(399));
    }

    @Test
    void fractionalIntervalsDoNotDrift() {
        ArrivalSchedule schedule = new ArrivalSchedule(3, Duration.ofSeconds(3000));
        // 1/3 s per request: an accumulated rounded interval would be off by microseconds by now
        assertEquals(3_000_000_000L, schedule.intendedOffsetNanos(9), 1);
        assertEquals(2_999_666_666_666L, schedule.intendedOffsetNanos(8999), 1);
    }

    @Test
    void dueCountIncludesEveryRequestWhoseTimeHasCome() {
        ArrivalSchedule schedule = new ArrivalSchedule(200, Duration.ofSeconds(2));
        assertEquals(0, schedule.dueCount(-1));
        assertEquals(1, schedule.dueCount(0));
        assertEquals(1, schedule.dueCount(4_999_999));
        assertEquals(2, schedule.dueCount(5_000_000));
        assertEquals(400, schedule.dueCount(1_995_000_000));
        assertEquals(400, schedule.dueCount(60_000_000_000L), "never more than the phase holds");
    }

    @Test
    void dueCountAgreesWithIntendedTimesAtAwkwardRates() {
        Random random = new Random(42);
        for (double rate : new double[] {3, 7.7, 312.5, 2441, 49_999}) {
            ArrivalSchedule schedule = new ArrivalSchedule(rate, Duration.ofSeconds(5));
            for (int trial = 0; trial < 2_000; trial++) {
                long elapsed = (long) (random.nextDouble() * 5.2e9);
                long due = schedule.dueCount(elapsed);
                assertTrue(due == 0 || schedule.intendedOffsetNanos(due - 1) <= elapsed, "last due is due");
                assertTrue(due == schedule.requestCount() || schedule.intendedOffsetNanos(due) > elapsed,
                        "next is not yet due");
            }
            long exactly = schedule.intendedOffsetNanos(7);
            assertEquals(8, schedule.dueCount(exactly), "a request is due exactly at its intended time");
            assertEquals(7, schedule.dueCount(exactly - 1));
        }
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThrows(IllegalArgumentException.class, () -> new ArrivalSchedule(0, Duration.ofSeconds(1)));
    }
}
