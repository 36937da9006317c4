package dev.warden.webhooks;

import java.time.Duration;
import java.util.Optional;

import dev.warden.config.CallbacksConfig;
import dev.warden.resilience.GuardSettings;
import dev.warden.spi.InvalidSettingsException;

/**
 * {@code warden.callbacks.*}, checked: the limits of one delivery attempt and the guard every receiver gets. A value
 * out of range fails start-up with the key's name.
 */
record CallbackSettings(Duration timeout, Duration connectTimeout, long maxResponseBytes, GuardSettings guard) {

    private static final String PREFIX = "warden.callbacks.";

    static CallbackSettings from(CallbacksConfig config) {
        Duration timeout = positive("timeout", config.timeout());
        Duration connectTimeout = positive("connect-timeout", config.connectTimeout());
        long maxResponseBytes = atLeast("max-response-bytes", config.maxResponseBytes().asLongValue(), 0);
        CallbacksConfig.CircuitBreaker breaker = config.circuitBreaker();
        double failureRatio = breaker.failureRatio();
        if (failureRatio < 0 || failureRatio > 1) {
            throw invalid("circuit-breaker.failure-ratio", "must be between 0 and 1, got " + failureRatio);
        }
        GuardSettings guard = new GuardSettings(Optional.of(timeout), GuardSettings.Retry.NONE,
                new GuardSettings.Breaker(breaker.enabled(), failureRatio,
                        (int) atLeast("circuit-breaker.request-volume", breaker.requestVolume(), 1),
                        positive("circuit-breaker.delay", breaker.delay()),
                        (int) atLeast("circuit-breaker.success-threshold", breaker.successThreshold(), 1)),
                new GuardSettings.Bulkhead(
                        (int) atLeast("bulkhead.max-concurrent", config.bulkhead().maxConcurrent(), 1),
                        (int) atLeast("bulkhead.queue", config.bulkhead().queue(), 0)),
                (int) atLeast("rate-limit.per-second", config.rateLimit().perSecond(), 0));
        return new CallbackSettings(timeout, connectTimeout, maxResponseBytes, guard);
    }

    private static Duration positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw invalid(key, "must be greater than zero, got " + value);
        }
        return value;
    }

    private static long atLeast(String key, long value, long minimum) {
        if (value < minimum) {
            throw invalid(key, "must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    private static InvalidSettingsException invalid(String key, String problem) {
        return new InvalidSettingsException(PREFIX + key + " " + problem);
    }
}
