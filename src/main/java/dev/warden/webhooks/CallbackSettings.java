package dev.warden.webhooks;

import java.time.Duration;
import java.util.Optional;

import dev.warden.config.DeliveryConfig;
import dev.warden.resilience.GuardSettings;
import dev.warden.spi.InvalidSettingsException;

/**
 * A receiver's delivery settings, checked: the limits of one delivery attempt and the guard the receiver gets
 * ({@code warden.callbacks.*} for every client's receiver, {@code warden.partners.<id>.*} for a review desk). A value
 * out of range fails start-up with the key's name.
 */
record CallbackSettings(Duration timeout, Duration connectTimeout, long maxResponseBytes, GuardSettings guard) {

    static final String CALLBACKS_PREFIX = "warden.callbacks.";

    static CallbackSettings from(DeliveryConfig config) {
        return from(config, CALLBACKS_PREFIX);
    }

    /** {@code prefix}: where the keys are, for messages ({@code warden.partners.desk.}). */
    static CallbackSettings from(DeliveryConfig config, String prefix) {
        Duration timeout = positive(prefix, "timeout", config.timeout());
        Duration connectTimeout = positive(prefix, "connect-timeout", config.connectTimeout());
        long maxResponseBytes = atLeast(prefix, "max-response-bytes", config.maxResponseBytes().asLongValue(), 0);
        DeliveryConfig.CircuitBreaker breaker = config.circuitBreaker();
        double failureRatio = breaker.failureRatio();
        if (failureRatio < 0 || failureRatio > 1) {
            throw invalid(prefix, "circuit-breaker.failure-ratio", "must be between 0 and 1, got " + failureRatio);
        }
        GuardSettings guard = new GuardSettings(Optional.of(timeout), GuardSettings.Retry.NONE,
                new GuardSettings.Breaker(breaker.enabled(), failureRatio,
                        (int) atLeast(prefix, "circuit-breaker.request-volume", breaker.requestVolume(), 1),
                        positive(prefix, "circuit-breaker.delay", breaker.delay()),
                        (int) atLeast(prefix, "circuit-breaker.success-threshold", breaker.successThreshold(), 1)),
                new GuardSettings.Bulkhead(
                        (int) atLeast(prefix, "bulkhead.max-concurrent", config.bulkhead().maxConcurrent(), 1),
                        (int) atLeast(prefix, "bulkhead.queue", config.bulkhead().queue(), 0)),
                (int) atLeast(prefix, "rate-limit.per-second", config.rateLimit().perSecond(), 0));
        return new CallbackSettings(timeout, connectTimeout, maxResponseBytes, guard);
    }

    private static Duration positive(String prefix, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw invalid(prefix, key, "must be greater than zero, got " + value);
        }
        return value;
    }

    private static long atLeast(String prefix, String key, long value, long minimum) {
        if (value < minimum) {
            throw invalid(prefix, key, "must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    private static InvalidSettingsException invalid(String prefix, String key, String problem) {
        return new InvalidSettingsException(prefix + key + " " + problem);
    }
}
