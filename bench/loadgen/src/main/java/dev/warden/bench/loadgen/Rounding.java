package dev.warden.bench.loadgen;

/** Rounds report numbers to the precision they were measured with, so the JSON does not suggest more. */
final class Rounding {

    private Rounding() {
    }

    /** Milliseconds to whole microseconds (the latency histogram's resolution). */
    static double micros(double milliseconds) {
        return Math.round(milliseconds * 1000) / 1000.0;
    }

    /** Requests per second to two decimals. */
    static double rate(double perSecond) {
        return Math.round(perSecond * 100) / 100.0;
    }
}
