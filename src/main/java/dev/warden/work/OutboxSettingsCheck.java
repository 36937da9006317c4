package dev.warden.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/** Refuses to start with {@code warden.outbox.*} settings that could not work, naming every bad key at once. */
@Startup
@ApplicationScoped
class OutboxSettingsCheck {

    /** Shorter leases leave no room for an attempt after the margin the worker keeps for recording it. */
    static final Duration MIN_LEASE = Duration.ofSeconds(1);

    OutboxSettingsCheck(OutboxSettings settings) {
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid outbox settings: " + String.join("; ", problems));
        }
    }

    static List<String> problems(OutboxSettings settings) {
        List<String> problems = new ArrayList<>();
        positive(problems, "max-age", settings.maxAge());
        positive(problems, "initial-backoff", settings.initialBackoff());
        positive(problems, "max-backoff", settings.maxBackoff());
        positive(problems, "poll-interval", settings.pollInterval());
        positive(problems, "shutdown-grace", settings.shutdownGrace());
        if (settings.maxBackoff().compareTo(settings.initialBackoff()) < 0) {
            problems.add("warden.outbox.max-backoff (" + settings.maxBackoff()
                    + ") must not be shorter than warden.outbox.initial-backoff (" + settings.initialBackoff() + ")");
        }
        if (settings.lease().compareTo(MIN_LEASE) < 0) {
            problems.add("warden.outbox.lease must be at least " + MIN_LEASE + ", is " + settings.lease());
        }
        if (settings.batchSize() < 1) {
            problems.add("warden.outbox.batch-size must be at least 1, is " + settings.batchSize());
        }
        if (settings.destinationConcurrency() < 1) {
            problems.add("warden.outbox.destination-concurrency must be at least 1, is "
                    + settings.destinationConcurrency());
        }
        return problems;
    }

    private static void positive(List<String> problems, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add("warden.outbox." + key + " must be positive, is " + value);
        }
    }
}
