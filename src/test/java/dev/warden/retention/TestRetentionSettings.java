package dev.warden.retention;

import java.time.Duration;

import dev.warden.config.RetentionConfig;

/** Retention settings a test chooses; {@link #defaults()} are Warden's own defaults. */
record TestRetentionSettings(boolean enabled, Duration interval, int batchSize, Duration context,
        Duration pendingContent, Duration vendorAnswers, Duration webhookPayloads, Duration reportContent,
        Duration decisions, Duration reports, Duration deliveries, Duration deadLetters) implements RetentionConfig {

    static TestRetentionSettings defaults() {
        return new TestRetentionSettings(true, Duration.ofHours(1), 1000, Duration.ofDays(30), Duration.ofDays(7),
                Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(365), Duration.ofDays(400), Duration.ZERO,
                Duration.ofDays(14), Duration.ofDays(30));
    }

    TestRetentionSettings withBatchSize(int size) {
        return new TestRetentionSettings(enabled, interval, size, context, pendingContent, vendorAnswers,
                webhookPayloads, reportContent, decisions, reports, deliveries, deadLetters);
    }

    TestRetentionSettings withInterval(Duration every) {
        return new TestRetentionSettings(enabled, every, batchSize, context, pendingContent, vendorAnswers,
                webhookPayloads, reportContent, decisions, reports, deliveries, deadLetters);
    }

    TestRetentionSettings withReports(Duration age) {
        return new TestRetentionSettings(enabled, interval, batchSize, context, pendingContent, vendorAnswers,
                webhookPayloads, reportContent, decisions, age, deliveries, deadLetters);
    }

    TestRetentionSettings withPendingContent(Duration age) {
        return new TestRetentionSettings(enabled, interval, batchSize, context, age, vendorAnswers,
                webhookPayloads, reportContent, decisions, reports, deliveries, deadLetters);
    }

    TestRetentionSettings withContext(Duration age) {
        return new TestRetentionSettings(enabled, interval, batchSize, age, pendingContent, vendorAnswers,
                webhookPayloads, reportContent, decisions, reports, deliveries, deadLetters);
    }
}
