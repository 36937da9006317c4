package dev.warden.adapters.httpjson;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.support.Scale;
import dev.warden.spi.support.StrictJson;

/**
 * How the configured vendor writes a score: one of the support pack's numeric {@link Scale}s, or JSON booleans
 * ({@code true} → 1, {@code false} → 0) for a vendor that only says yes or no. A JSON {@code null} is a label the
 * vendor did not evaluate.
 */
record ScoreScale(Scale numeric, boolean booleans) {

    static final String PROBABILITY = "probability";
    static final String PERCENT = "percent";
    static final String LEVELS = "levels:<max>";
    static final String BOOLEAN = "boolean";

    private static final Pattern LEVELS_WRITTEN = Pattern.compile("levels:(\\d{1,4})");

    /** Fails with the problem when {@code written} is none of the forms in the constants. */
    static ScoreScale parse(String written) {
        Matcher levels = LEVELS_WRITTEN.matcher(written);
        if (levels.matches() && Integer.parseInt(levels.group(1)) >= 1) {
            return new ScoreScale(Scale.levels(Integer.parseInt(levels.group(1))), false);
        }
        return switch (written) {
            case PROBABILITY -> new ScoreScale(Scale.probability(), false);
            case PERCENT -> new ScoreScale(Scale.percent(), false);
            case BOOLEAN -> new ScoreScale(Scale.probability(), true);
            default -> throw new IllegalArgumentException("must be " + PROBABILITY + ", " + PERCENT + ", "
                    + LEVELS + " (max 1..9999) or " + BOOLEAN);
        };
    }

    /** The value as the vendor sent it, as a number for {@code vendorScores}; empty for {@code null}. */
    OptionalDouble raw(JsonNode value, String label, String vendor) {
        if (value.isNull()) {
            return OptionalDouble.empty();
        }
        if (booleans) {
            if (!value.isBoolean()) {
                throw StrictJson.invalid(vendor, "a score that is not true or false for "
                        + label);
            }
            return OptionalDouble.of(value.booleanValue() ? 1.0 : 0.0);
        }
        return OptionalDouble.of(StrictJson.number(value, label, vendor));
    }

    OptionalDouble toUnit(double raw, String label, String vendor) {
        return numeric.toUnit(raw, label, vendor);
    }

    String describe() {
        return booleans ? "true → 1, false → 0" : numeric.describe();
    }
}
