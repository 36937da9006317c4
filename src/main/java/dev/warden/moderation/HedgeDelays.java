package dev.warden.moderation;

import java.time.Duration;
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

    /** The delay a setting means, given the provider's observed p95 in ms (NaN while it has no calls). */
    static Duration resolve(String setting, double p95Ms) {
        if (P95.equalsIgnoreCase(setting.trim())) {
            return Double.isFinite(p95Ms) ? Duration.ofNanos((long) (p95Ms * 1_000_000)) : WITHOUT_HISTORY;
        }
        return parse(setting, () -> new IllegalStateException("hedge.delay was checked at start-up: " + setting));
    }

    static boolean isValid(String value) {
        if (P95.equalsIgnoreCase(value.trim())) {
            return true;
        }
        try {
            parse(value, IllegalArgumentException::new);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private HedgeDelays() {
    }
}
