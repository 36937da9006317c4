package dev.warden.moderation;

import dev.warden.spi.ProviderSettings;
import java.time.Duration;
import java.util.function.Supplier;

/** The forms {@code warden.policies.<name>.hedge.delay} takes: a duration, or {@code p95} of the first provider. */
final class HedgeDelays {

    static final String P95 = "p95";

    /** Used with {@code p95} while the provider has no latency history yet. */
    static final Duration WITHOUT_HISTORY = Duration.ofMillis(150);

    static Duration parse(String value, Supplier<RuntimeException> onInvalid) {
        return ProviderSettings.parseDuration(value, onInvalid);
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
