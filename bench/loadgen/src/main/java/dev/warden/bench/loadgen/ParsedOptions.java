package dev.warden.bench.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The "--name value" (or "--name=value") pairs after the mode word, with typed, validated access by name. */
public final class ParsedOptions {

    private final Map<String, List<String>> values;

    private ParsedOptions(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * @param allowed    option names (without "--") this mode accepts; anything else is rejected so that a typo
     *                   never silently falls back to a default
     * @param repeatable the subset that may be given more than once
     */
    public static ParsedOptions parse(List<String> args, Set<String> allowed, Set<String> repeatable)
            throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            List<String> given = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!given.isEmpty() && !repeatable.contains(name)) {
                throw new UsageException("--" + name + " given more than once");
            }
            given.add(value);
        }
        return new ParsedOptions(values);
    }

    public Optional<String> optional(String name) {
        List<String> given = values.get(name);
        return given == null ? Optional.empty() : Optional.of(given.get(0));
    }

    String required(String name) throws UsageException {
        return optional(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    double positiveDouble(String name, double fallback) throws UsageException {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.get());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + text.get() + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UsageException("--" + name + " must be greater than 0, got '" + text.get() + "'");
        }
        return value;
    }

    double requiredPositiveDouble(String name) throws UsageException {
        required(name);
        return positiveDouble(name, Double.NaN);
    }

    public int positiveInt(String name, int fallback) throws UsageException {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as a non-positive value
        }
        throw new UsageException("--" + name + " must be a whole number greater than 0, got '" + text.get() + "'");
    }

    /** @param zeroAllowed whether "0s" is meaningful (it is for warm-up, which can be skipped) */
    public Duration duration(String name, Duration fallback, boolean zeroAllowed) throws UsageException {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return fallback;
        }
        Duration value;
        try {
            value = Durations.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
        if (value.isZero() && !zeroAllowed) {
            throw new UsageException("--" + name + " must be longer than 0");
        }
        return value;
    }
}
