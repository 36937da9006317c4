package dev.warden.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/**
 * How Warden delivers signed events to one receiver, and the guard that receiver gets: shared by
 * {@code warden.callbacks.*} (every client's receiver) and {@code warden.partners.<id>.*} (a review desk). Checked at
 * start-up by {@code dev.warden.webhooks.CallbackSettings}. Retries are the outbox's, over minutes or hours.
 */
public interface DeliveryConfig {

    /** One delivery attempt, from resolving the receiver's host to its answer; a slower one is retried later. */
    @WithDefault("10s")
    Duration timeout();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Warden reads at most this much of a receiver's answer, then drops the connection; the status still counts. */
    @WithDefault("64K")
    MemorySize maxResponseBytes();

    Bulkhead bulkhead();

    RateLimit rateLimit();

    CircuitBreaker circuitBreaker();

    /** Deliveries to one receiver at once, and how many more may wait for a slot (the others are retried later). */
    interface Bulkhead {
        @WithDefault("16")
        int maxConcurrent();

        @WithDefault("64")
        int queue();
    }

    interface RateLimit {
        /** Deliveries per second to one receiver; 0 means no limit. */
        @WithDefault("0")
        int perSecond();
    }

    interface CircuitBreaker {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("20")
        int requestVolume();

        @WithDefault("30s")
        Duration delay();

        @WithDefault("1")
        int successThreshold();
    }
}
