package dev.warden.moderation;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import dev.warden.spi.ProviderSettings;

/** The forms {@code warden.policies.<name>.hedge.delay} takes: a duration, or {@code p95} of the first provider. */
final class HedgeDelays {

    static final String P95 = "p95";

    /** Used with {@code p95} while the provider has no latency history yet. */
    static final Duration WITHOUT_HISTORY = Duration.ofMillis(150);

    static Duration parse(String value, Supplier<RuntimeException> onInvalid) {
        return ProviderSettings.parseDuration(value, onInvalid);
    }

    /**
     * The delay a setting means, given the provider's observed p95 in ms (NaN while it has no calls), read only for
     * {@code p95}.
     */
    static Duration resolve(String setting, DoubleSupplier p95Ms) {
        if (P95.equalsIgnoreCase(setting.trim())) {
            double observed = p95Ms.getAsDouble();
            return Double.isFinite(observed) ? Duration.ofNanos((long) (observed * 1_000_000)) : WITHOUT_HISTORY;
        }
        return parse(setting, () -> new IllegalStateException("hedge.delay was checked at start-up: " + setting));
    }

    /**
     * What is wrong with a setting, if anything, for the start-up check. A zero delay would hedge every call at once,
     * which is not a hedge: Mutiny refuses such a timer, and asking every provider is what strategy {@code all} does.
     */
    static Optional<String> problem(String value) {
        if (P95.equalsIgnoreCase(value.trim())) {
            return Optional.empty();
        }
        try {
            return parse(value, IllegalArgumentException::new).isZero()
                    ? Optional.of("must be greater than zero (to ask every provider at once, use strategy all)")
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be a duration like 150ms or 'p95'");
        }
    }

    private HedgeDelays() {
    }
}
