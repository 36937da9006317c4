package dev.warden.resilience;

import java.time.Duration;
import java.util.Optional;

import dev.warden.spi.ProviderSettings;

/**
 * A provider's guard, from {@code warden.providers.<id>.*}: per-attempt timeout, retries, circuit breaker, bulkhead
 * and rate limit. Defaults suit a SaaS vendor; an adapter type can change them ({@code defaultSettings()}) and
 * configuration overrides both.
 */
public record GuardSettings(Optional<Duration> timeout, Retry retry, Breaker breaker, Bulkhead bulkhead,
        int ratePerSecond) {

    private static final String TIMEOUT = "timeout";

    /** Retries with exponential backoff and full jitter, within a budget of the provider's recent traffic. */
    public record Retry(int maxRetries, Duration initialDelay, Duration maxDelay, double budgetRatio,
            int budgetFloor) {

        /** For a partner whose calls are retried by someone else: the outbox retries deliveries over hours. */
        public static final Retry NONE = new Retry(0, Duration.ZERO, Duration.ZERO, 0, 0);
    }

    /** Opens after {@code failureRatio} of the last {@code requestVolume} calls failed; probes after {@code delay}. */
    public record Breaker(boolean enabled, double failureRatio, int requestVolume, Duration delay,
            int successThreshold) {
    }

    /** At most {@code maxConcurrent} calls at the vendor; up to {@code queue} more wait for a slot. */
    public record Bulkhead(int maxConcurrent, int queue) {
    }

    public static GuardSettings read(ProviderSettings settings) {
        Optional<Duration> timeout = settings.get(TIMEOUT).map(raw -> positiveTimeout(settings, raw));
        Retry retry = new Retry(
                atLeast(settings, "retry.max-retries", settings.getInt("retry.max-retries", 2), 0),
                settings.getDuration("retry.initial-delay", Duration.ofMillis(50)),
                settings.getDuration("retry.max-delay", Duration.ofSeconds(1)),
                fraction(settings, "retry.budget", settings.getDouble("retry.budget", 0.2)),
                atLeast(settings, "retry.budget-floor", settings.getInt("retry.budget-floor", 10), 0));
        Breaker breaker = new Breaker(
                settings.getBoolean("circuit-breaker.enabled", true),
                fraction(settings, "circuit-breaker.failure-ratio",
                        settings.getDouble("circuit-breaker.failure-ratio", 0.5)),
                atLeast(settings, "circuit-breaker.request-volume",
                        settings.getInt("circuit-breaker.request-volume", 20), 1),
                settings.getDuration("circuit-breaker.delay", Duration.ofSeconds(5)),
                atLeast(settings, "circuit-breaker.success-threshold",
                        settings.getInt("circuit-breaker.success-threshold", 1), 1));
        Bulkhead bulkhead = new Bulkhead(
                atLeast(settings, "bulkhead.max-concurrent", settings.getInt("bulkhead.max-concurrent", 64), 1),
                atLeast(settings, "bulkhead.queue", settings.getInt("bulkhead.queue", 64), 0));
        int ratePerSecond = atLeast(settings, "rate-limit.per-second", settings.getInt("rate-limit.per-second", 0), 0);
        if (retry.initialDelay().compareTo(retry.maxDelay()) > 0) {
            throw settings.invalid("retry.initial-delay", "must not exceed retry.max-delay");
        }
        return new GuardSettings(timeout, retry, breaker, bulkhead, ratePerSecond);
    }

    /** A zero timeout would fail every attempt before it starts; no timeout at all is what "none" means. */
    private static Duration positiveTimeout(ProviderSettings settings, String raw) {
        Duration timeout = settings.getDuration(TIMEOUT, null);
        if (timeout.isZero()) {
            throw settings.invalid(TIMEOUT, "must be greater than zero, got '" + raw
                    + "'; leave it unset to bound attempts by the policy deadline only");
        }
        return timeout;
    }

    private static int atLeast(ProviderSettings settings, String key, int value, int minimum) {
        if (value < minimum) {
            throw settings.invalid(key, "must be at least " + minimum + ", got " + value);
        }
        return value;
    }

    private static double fraction(ProviderSettings settings, String key, double value) {
        if (value < 0 || value > 1) {
            throw settings.invalid(key, "must be between 0 and 1, got " + value);
        }
        return value;
    }
}
