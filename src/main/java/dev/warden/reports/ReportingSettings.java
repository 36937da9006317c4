package dev.warden.reports;

import java.net.URI;
import java.time.Duration;

import dev.warden.spi.ProviderSettings;
import dev.warden.spi.reporting.Environment;

/**
 * The core's own settings of one reporting partner: where it is, how its reports are paced, batched and confirmed.
 * Read before the adapter reads its own keys; defaults are the core's, then the adapter type's
 * ({@code ReportingDescriptor.defaultGuardSettings()}), then configuration.
 *
 * @param timeout          one call to the partner
 * @param maxConcurrent    {@code bulkhead.max-concurrent}: also the outbox's limit of attempts per process
 * @param batchLinger      how long a partial batch waits for company
 * @param perMinute        calls per minute across every replica; 0 = no limit
 * @param afterTimeoutWait least wait before retrying after a timeout
 * @param authFailureWait  least wait after the partner refused Warden's credentials
 * @param confirmAfter     first check that a duplicate's key exists at the partner
 * @param maxConfirmCycles resends of a duplicate the partner does not know before the report fails
 * @param expiryWarning    share of an open report's window after which a warning is logged and counted
 */
public record ReportingSettings(boolean enabled, Environment environment, URI baseUrl, Duration timeout,
        int maxConcurrent, Duration batchLinger, int perMinute, Duration afterTimeoutWait, Duration authFailureWait,
        Duration confirmAfter, int maxConfirmCycles, double expiryWarning) {

    /** Room a call needs past its timeout to record what it did before its lease ends. */
    static final Duration CALL_MARGIN = Duration.ofSeconds(2);

    /**
     * How much of a delivery row's lease must be left to start one more call: a call that could outlive the lease
     * is not started (the next attempt takes it), so the partner never gets it twice at once.
     */
    public Duration callBudget() {
        return timeout.plus(CALL_MARGIN);
    }

    static ReportingSettings read(ProviderSettings settings, Environment environment, URI baseUrl,
            Duration timeout, int maxConcurrent) {
        int perMinute = settings.getInt("rate-limit.per-minute", 0);
        if (perMinute < 0) {
            throw settings.invalid("rate-limit.per-minute", "must be 0 (no limit) or more, got " + perMinute);
        }
        int maxConfirmCycles = settings.getInt("max-confirm-cycles", 3);
        if (maxConfirmCycles < 0) {
            throw settings.invalid("max-confirm-cycles", "must be 0 or more, got " + maxConfirmCycles);
        }
        double expiryWarning = settings.getDouble("expiry-warning", 0.75);
        if (expiryWarning <= 0 || expiryWarning >= 1) {
            throw settings.invalid("expiry-warning", "must be between 0 and 1, got " + expiryWarning);
        }
        return new ReportingSettings(settings.getBoolean("enabled", true), environment, baseUrl, timeout,
                maxConcurrent, nonNegative(settings, "batch.linger", Duration.ofSeconds(2)), perMinute,
                nonNegative(settings, "after-timeout-wait", Duration.ZERO),
                nonNegative(settings, "auth-failure-wait", Duration.ofMinutes(5)),
                nonNegative(settings, "confirm-after", Duration.ofMinutes(2)), maxConfirmCycles, expiryWarning);
    }

    private static Duration nonNegative(ProviderSettings settings, String key, Duration defaultValue) {
        Duration value = settings.getDuration(key, defaultValue);
        if (value.isNegative()) {
            throw settings.invalid(key, "must not be negative");
        }
        return value;
    }
}
