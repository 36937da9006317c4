package dev.warden.retention;

import java.time.Duration;
import java.util.function.Function;

import dev.warden.config.RetentionConfig;

/**
 * What retention purges, one kind per setting: the wire name is both the key under {@code warden.retention.} and the
 * {@code kind} tag of {@code warden.retention.purged}.
 */
enum RetentionKind {

    CONTEXT("context", RetentionConfig::context),
    PENDING_CONTENT("pending-content", RetentionConfig::pendingContent),
    VENDOR_ANSWERS("vendor-answers", RetentionConfig::vendorAnswers),
    WEBHOOK_PAYLOADS("webhook-payloads", RetentionConfig::webhookPayloads),
    REPORT_CONTENT("report-content", RetentionConfig::reportContent),
    DECISIONS("decisions", RetentionConfig::decisions),
    REPORTS("reports", RetentionConfig::reports),
    DELIVERIES("deliveries", RetentionConfig::deliveries),
    DEAD_LETTERS("dead-letters", RetentionConfig::deadLetters);

    static final String PREFIX = "warden.retention.";

    private final String wireName;
    private final Function<RetentionConfig, Duration> age;

    RetentionKind(String wireName, Function<RetentionConfig, Duration> age) {
        this.wireName = wireName;
        this.age = age;
    }

    String wireName() {
        return wireName;
    }

    String key() {
        return PREFIX + wireName;
    }

    Duration age(RetentionConfig settings) {
        return age.apply(settings);
    }
}
