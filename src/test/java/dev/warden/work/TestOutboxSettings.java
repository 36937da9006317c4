package dev.warden.work;

import java.time.Duration;

/** Outbox settings for workers a test builds itself: fast by default, each changed with a wither. */
record TestOutboxSettings(Duration maxAge, Duration initialBackoff, Duration maxBackoff, Duration lease,
        Duration pollInterval, int batchSize, int destinationConcurrency, Duration shutdownGrace, boolean enabled)
        implements OutboxSettings {

    static TestOutboxSettings fast() {
        return new TestOutboxSettings(Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofSeconds(20), Duration.ofMillis(100), 50, 32, Duration.ofSeconds(2), true);
    }

    TestOutboxSettings withMaxAge(Duration value) {
        return new TestOutboxSettings(value, initialBackoff, maxBackoff, lease, pollInterval, batchSize,
                destinationConcurrency, shutdownGrace, enabled);
    }

    TestOutboxSettings withBackoff(Duration initial, Duration max) {
        return new TestOutboxSettings(maxAge, initial, max, lease, pollInterval, batchSize, destinationConcurrency,
                shutdownGrace, enabled);
    }

    TestOutboxSettings withLease(Duration value) {
        return new TestOutboxSettings(maxAge, initialBackoff, maxBackoff, value, pollInterval, batchSize,
                destinationConcurrency, shutdownGrace, enabled);
    }

    TestOutboxSettings withPollInterval(Duration value) {
        return new TestOutboxSettings(maxAge, initialBackoff, maxBackoff, lease, value, batchSize,
                destinationConcurrency, shutdownGrace, enabled);
    }

    TestOutboxSettings withBatchSize(int value) {
        return new TestOutboxSettings(maxAge, initialBackoff, maxBackoff, lease, pollInterval, value,
                destinationConcurrency, shutdownGrace, enabled);
    }

    TestOutboxSettings withDestinationConcurrency(int value) {
        return new TestOutboxSettings(maxAge, initialBackoff, maxBackoff, lease, pollInterval, batchSize, value,
                shutdownGrace, enabled);
    }

    TestOutboxSettings withShutdownGrace(Duration value) {
        return new TestOutboxSettings(maxAge, initialBackoff, maxBackoff, lease, pollInterval, batchSize,
                destinationConcurrency, value, enabled);
    }
}
