package dev.warden.adapters.azurecontentsafety;

import java.util.Arrays;

import dev.warden.spi.support.Scale;

/**
 * Azure's two severity outputs (VA§3.3) and how each becomes 0..1. Four-level answers are buckets 0, 2, 4, 6 of the
 * 0..7 severity scale, and 6 is the top bucket (6 and 7 alike), so it is 1.0: {@code n/6}. Eight-level answers use
 * every level: {@code n/7}. Dividing a four-level answer by 7 (VA§8.1) would cap it at .857, and a policy's block
 * threshold above that could never fire.
 */
enum SeverityLevels {
    FOUR("FourSeverityLevels", 6),
    EIGHT("EightSeverityLevels", 7);

    private final String outputType;
    private final Scale scale;

    SeverityLevels(String outputType, int maxSeverity) {
        this.outputType = outputType;
        this.scale = Scale.levels(maxSeverity);
    }

    String outputType() {
        return outputType;
    }

    Scale scale() {
        return scale;
    }

    /** {@code value} was checked against the setting's choices already. */
    static SeverityLevels ofOutputType(String value) {
        return Arrays.stream(values()).filter(levels -> levels.outputType.equals(value)).findFirst().orElseThrow();
    }
}
