package dev.warden.spi.support;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a vendor writes its scores, and their conversion onto the taxonomy's 0..1. A raw value outside the scale is an
 * {@code INVALID_RESPONSE}: a vendor that answers "severity 9 of 7" is not to be trusted with the rest either. An empty
 * result means the vendor did not evaluate the label (e.g. Hive's {@code -1}), which is not the same as 0.
 */
public sealed interface Scale permits Scale.Probability, Scale.Percent, Scale.Levels, Scale.Named,
        Scale.NotEvaluatedBelow {

    /** 0..1, taken as it is (OpenAI, Comprehend, Hive visual, Sightengine). */
    static Scale probability() {
        return new Probability();
    }

    /** 0..100, divided by 100 (Rekognition's {@code Confidence}). */
    static Scale percent() {
        return new Percent();
    }

    /** Whole levels 0..max, as n/max (Azure severities: max 6 for four levels, 7 for eight; Hive text: max 3). */
    static Scale levels(int max) {
        return new Levels(max);
    }

    /** Named values, e.g. Sightengine intensities {@code low}, {@code medium}, {@code high} → 1/3, 2/3, 1. */
    static Scale named(Map<String, Double> values) {
        return new Named(values);
    }

    /** This scale, where a raw value below {@code raw} means "not evaluated" (Hive's {@code -1}). */
    default Scale notEvaluatedBelow(double raw) {
        return new NotEvaluatedBelow(this, raw);
    }

    /** {@code label} names the value in a failure message; {@code vendor} names who sent it. */
    OptionalDouble toUnit(double raw, String label, String vendor);

    /** A named value; numeric scales take a number written as text. */
    default OptionalDouble toUnit(String raw, String label, String vendor) {
        try {
            return toUnit(Double.parseDouble(raw.trim()), label, vendor);
        } catch (NumberFormatException notANumber) {
            throw StrictJson.invalid(vendor + " answered a non-numeric score for " + label);
        }
    }

    /** For README tables, e.g. {@code severity 0..7 → n/7}. */
    String describe();

    private static OptionalDouble inRange(double raw, double max, String label, String vendor) {
        if (!(raw >= 0.0 && raw <= max)) {
            throw StrictJson.invalid(vendor + " answered a score outside 0.." + format(max) + " for " + label + ": "
                    + raw);
        }
        return OptionalDouble.of(raw / max);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    record Probability() implements Scale {
        @Override
        public OptionalDouble toUnit(double raw, String label, String vendor) {
            return inRange(raw, 1.0, label, vendor);
        }

        @Override
        public String describe() {
            return "probability 0..1, as is";
        }
    }

    record Percent() implements Scale {
        @Override
        public OptionalDouble toUnit(double raw, String label, String vendor) {
            return inRange(raw, 100.0, label, vendor);
        }

        @Override
        public String describe() {
            return "percent 0..100 → n/100";
        }
    }

    record Levels(int max) implements Scale {
        public Levels {
            if (max < 1) {
                throw new IllegalArgumentException("a level scale needs a maximum of at least 1, got " + max);
            }
        }

        @Override
        public OptionalDouble toUnit(double raw, String label, String vendor) {
            if (raw != Math.rint(raw)) {
                throw StrictJson.invalid(vendor + " answered a level that is not a whole number for " + label + ": "
                        + raw);
            }
            return inRange(raw, max, label, vendor);
        }

        @Override
        public String describe() {
            return "level 0.." + max + " → n/" + max;
        }
    }

    record Named(Map<String, Double> values) implements Scale {
        public Named {
            values.forEach((name, value) -> {
                if (value == null || !(value >= 0.0 && value <= 1.0)) {
                    throw new IllegalArgumentException("named score " + name + " outside 0..1: " + value);
                }
            });
            values = values.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                    entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        }

        @Override
        public OptionalDouble toUnit(double raw, String label, String vendor) {
            throw StrictJson.invalid(vendor + " answered a number where a named score was expected for " + label);
        }

        @Override
        public OptionalDouble toUnit(String raw, String label, String vendor) {
            Double value = values.get(raw.trim().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw StrictJson.invalid(vendor + " answered an unknown named score for " + label);
            }
            return OptionalDouble.of(value);
        }

        @Override
        public String describe() {
            return new TreeMap<>(values).entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .map(entry -> entry.getKey() + " → " + format(entry.getValue()))
                    .collect(Collectors.joining(", "));
        }
    }

    record NotEvaluatedBelow(Scale scale, double threshold) implements Scale {
        @Override
        public OptionalDouble toUnit(double raw, String label, String vendor) {
            return raw < threshold ? OptionalDouble.empty() : scale.toUnit(raw, label, vendor);
        }

        @Override
        public String describe() {
            return scale.describe() + "; below " + format(threshold) + ": not evaluated";
        }
    }
}
