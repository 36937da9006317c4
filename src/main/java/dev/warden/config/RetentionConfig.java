package dev.warden.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code warden.retention.*}: how long Warden keeps each kind of stored data, and the job that purges it. An age of
 * zero keeps that kind forever (except pending content, which must expire). Checked at start-up by
 * {@code dev.warden.retention.RetentionSettingsCheck}; README "Retention" says why each default is what it is.
 */
@ConfigMapping(prefix = "warden.retention")
public interface RetentionConfig {

    /** Off: this process never purges (another replica may). */
    @WithDefault("true")
    boolean enabled();

    /** How often this process starts a run; a run drains every kind before the next one is scheduled. */
    @WithDefault("1h")
    Duration interval();

    /** The most rows one statement purges: short transactions, short locks. */
    @WithDefault("1000")
    int batchSize();

    /** A moderation's {@code context} metadata (user ids, content ids), from when it was received. */
    @WithDefault("P30D")
    Duration context();

    /** A pending async moderation older than this has its work failed and its content purged. */
    @WithDefault("P7D")
    Duration pendingContent();

    /** Providers' own labels and scores, the scores before calibration, and late answers, from the moderation. */
    @WithDefault("P30D")
    Duration vendorAnswers();

    /** A partner's webhook body, from when it was processed or refused. */
    @WithDefault("P30D")
    Duration webhookPayloads();

    /** A report's content and its evidence files' URLs and details, from when the report ended. */
    @WithDefault("P365D")
    Duration reportContent();

    /** Whole moderations (their outcomes, review, idempotency key) that are no longer pending, from receipt. */
    @WithDefault("P400D")
    Duration decisions();

    /** Whole report records that ended (with their files and attempts); zero: kept forever. */
    @WithDefault("0")
    Duration reports();

    /** Outbox rows that were delivered or stopped, with their attempts, from when they finished. */
    @WithDefault("P14D")
    Duration deliveries();

    /** Dead-lettered outbox rows, with their attempts, from when they died: time to look and replay. */
    @WithDefault("P30D")
    Duration deadLetters();
}
