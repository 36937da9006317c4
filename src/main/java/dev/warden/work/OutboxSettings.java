package dev.warden.work;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code warden.outbox.*}: how the outbox worker retries, leases and paces its work. Checked at start-up by
 * {@link OutboxSettingsCheck}.
 */
@ConfigMapping(prefix = "warden.outbox")
public interface OutboxSettings {

    /** A row still not done this long after it was queued (or replayed) is dead-lettered instead of retried. */
    @WithDefault("P3D")
    Duration maxAge();

    /** The ceiling of the first retry's random delay; each later attempt doubles it, up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("10m")
    Duration maxBackoff();

    /**
     * How long a claimed row stays leased to this process. It must exceed the longest attempt (a moderation job's
     * policy deadline, a callback's timeout): an attempt still running near the end of its lease is called off.
     */
    @WithDefault("60s")
    Duration lease();

    /** How often the worker looks for due rows when no notification woke it (retries come due this way). */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * The most attempts this process runs at once (a group of rows one handler takes together counts as one), and
     * the most single rows one claim takes.
     */
    @WithDefault("100")
    int batchSize();

    /** The most attempts in flight at once per destination, in this process. */
    @WithDefault("32")
    int destinationConcurrency();

    /**
     * On shutdown the worker stops claiming and lets attempts in flight finish for this long; the rest are called
     * off, and every row it still holds is released to the other replicas at once.
     */
    @WithDefault("10s")
    Duration shutdownGrace();

    /** Off: this process serves the API (and queues work) but never works the outbox. */
    @WithDefault("true")
    boolean enabled();
}
