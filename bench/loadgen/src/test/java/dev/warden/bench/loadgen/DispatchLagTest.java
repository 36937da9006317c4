package dev.warden.bench.loadgen;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DispatchLagTest {

    private static final long ON_TIME = 200_000;
    private static final long LATE = 10_000_001;

    @Test
    void onePercentLateIsTolerated() {
        DispatchLag lag = recorded(99, 1);
        assertFalse(lag.generatorLagged());
        assertEquals(10.0, lag.maxLagMs());
    }

    @Test
    void moreThanOnePercentLateIsFlagged() {
        assertTrue(recorded(98, 2).generatorLagged());
    }

    @Test
    void exactlyTenMillisecondsIsNotLate() {
        DispatchLag lag = new DispatchLag();
        lag.record(DispatchLag.TOLERATED_LAG_NANOS);
        assertFalse(lag.generatorLagged());
    }

    private static DispatchLag recorded(int onTime, int late) {
        DispatchLag lag = new DispatchLag();
        for (int i = 0; i < onTime; i++) {
            lag.record(ON_TIME);
        }
        for (int i = 0; i < late; i++) {
            lag.record(LATE);
        }
        return lag;
    }
}
