package dev.warden.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.warden.config.PoliciesConfig;
import dev.warden.config.RetentionConfig;
import dev.warden.work.OutboxSettings;

/** Refuses to start with {@code warden.retention.*} settings that make no sense, naming every bad key at once. */
@Startup
@ApplicationScoped
class RetentionSettingsCheck {

    /**
     * The shortest age other than zero. Shorter ages would purge what a caller may still read back, and the sweeps
     * rely on a moderation being committed long before it is this old.
     */
    static final Duration MIN_AGE = Duration.ofHours(1);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** Larger batches hold their row locks and their transaction longer than a purge should. */
    static final int MAX_BATCH_SIZE = 10_000;

    RetentionSettingsCheck(RetentionConfig settings, OutboxSettings outbox, PoliciesConfig policies) {
        Map<String, Duration> asyncDeadlines = new TreeMap<>();
        policies.all().forEach((name, policy) -> asyncDeadlines.put(name, policy.asyncDeadline()));
        List<String> problems = problems(settings, outbox.maxAge(), asyncDeadlines);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid retention settings: " + String.join("; ", problems));
        }
    }

    /**
     * Pending work must be given up by the outbox ({@code outboxMaxAge}) and its vendors' callbacks waited for (each
     * policy's {@code async-deadline}) before retention fails it.
     */
    static List<String> problems(RetentionConfig settings, Duration outboxMaxAge,
            Map<String, Duration> asyncDeadlines) {
        List<String> problems = new ArrayList<>();
        for (RetentionKind kind : RetentionKind.values()) {
            Duration age = kind.age(settings);
            if (age.isNegative()) {
                problems.add(kind.key() + " must not be negative, is " + age);
            } else if (age.isZero() && kind == RetentionKind.PENDING_CONTENT) {
                problems.add(kind.key() + " must be positive: content kept for pending work must expire");
            } else if (!age.isZero() && age.compareTo(MIN_AGE) < 0) {
                problems.add(kind.key() + " must be 0 (keep forever) or at least " + MIN_AGE + ", is " + age);
            }
        }
        Duration pending = settings.pendingContent();
        if (pending.compareTo(outboxMaxAge) <= 0) {
            problems.add(RetentionKind.PENDING_CONTENT.key() + " (" + pending
                    + ") must be longer than warden.outbox.max-age (" + outboxMaxAge
                    + "): the outbox gives a job up first, and tells its caller");
        }
        asyncDeadlines.forEach((policy, deadline) -> {
            if (pending.compareTo(deadline) <= 0) {
                problems.add(RetentionKind.PENDING_CONTENT.key() + " (" + pending + ") must be longer than"
                        + " warden.policies." + policy + ".async-deadline (" + deadline + ")");
            }
        });
        if (settings.interval().compareTo(MIN_INTERVAL) < 0) {
            problems.add(RetentionKind.PREFIX + "interval must be at least " + MIN_INTERVAL + ", is "
                    + settings.interval());
        }
        if (settings.batchSize() < 1 || settings.batchSize() > MAX_BATCH_SIZE) {
            problems.add(RetentionKind.PREFIX + "batch-size must be between 1 and " + MAX_BATCH_SIZE + ", is "
                    + settings.batchSize());
        }
        return problems;
    }
}
