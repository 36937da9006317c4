package dev.warden.retention;

import java.time.Duration;

import dev.warden.config.RetentionConfig;

/** Retention settings a test chooses, starting from Warden's own defaults ({@link #defaults()}). */
final class TestRetentionSettings implements RetentionConfig {

    private Duration interval = Duration.ofHours(1);
    private int batchSize = 1000;
    private Duration context = Duration.ofDays(30);
    private Duration pendingContent = Duration.ofDays(7);
    private Duration reports = Duration.ZERO;

    private TestRetentionSettings() {
    }

    static TestRetentionSettings defaults() {
        return new TestRetentionSettings();
    }

    TestRetentionSettings withInterval(Duration every) {
        interval = every;
        return this;
    }

    TestRetentionSettings withBatchSize(int size) {
        batchSize = size;
        return this;
    }

    TestRetentionSettings withContext(Duration age) {
        context = age;
        return this;
    }

    TestRetentionSettings withPendingContent(Duration age) {
        pendingContent = age;
        return this;
    }

    TestRetentionSettings withReports(Duration age) {
        reports = age;
        return this;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public Duration context() {
        return context;
    }

    @Override
    public Duration pendingContent() {
        return pendingContent;
    }

    @Override
    public Duration vendorAnswers() {
        return Duration.ofDays(30);
    }

    @Override
    public Duration webhookPayloads() {
        return Duration.ofDays(30);
    }

    @Override
    public Duration reportContent() {
        return Duration.ofDays(365);
    }

    @Override
    public Duration decisions() {
        return Duration.ofDays(400);
    }

    @Override
    public Duration reports() {
        return reports;
    }

    @Override
    public Duration deliveries() {
        return Duration.ofDays(14);
    }

    @Override
    public Duration deadLetters() {
        return Duration.ofDays(30);
    }
}
