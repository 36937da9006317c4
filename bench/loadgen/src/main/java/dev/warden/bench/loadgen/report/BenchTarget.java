package dev.warden.bench.loadgen.report;

import java.awt.Color;

/**
 * What the benchmark measures side by side, in the report's order. The key is how run.sh names a target in its
 * result files ({@code W1-<key>}, {@code SAT-<key>}, {@code CL-<key>-<connections>}).
 */
enum BenchTarget {
    DIRECT("direct", "direct (simulator)", new Color(0x75, 0x75, 0x75)),
    NGINX("nginx", "nginx proxy", new Color(0x2e, 0x7d, 0x32)),
    SCG("scg", "Spring Cloud Gateway", new Color(0x15, 0x65, 0xc0)),
    WARDEN("warden", "Warden", new Color(0xc6, 0x28, 0x28));

    final String key;
    final String displayName;
    final Color color;

    BenchTarget(String key, String displayName, Color color) {
        this.key = key;
        this.displayName = displayName;
        this.color = color;
    }

    /** Position in the report; a key run.sh does not know sorts last. */
    static int order(String key) {
        for (BenchTarget target : values()) {
            if (target.key.equals(key)) {
                return target.ordinal();
            }
        }
        return values().length;
    }
}
