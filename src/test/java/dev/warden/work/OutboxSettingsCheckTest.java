package dev.warden.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxSettingsCheckTest {

    @Test
    void theDefaultsAndTheTestSettingsPass() {
        assertThat(OutboxSettingsCheck.problems(TestOutboxSettings.fast())).isEmpty();
        assertThat(OutboxSettingsCheck.problems(new TestOutboxSettings(Duration.ofDays(3), Duration.ofSeconds(1),
                Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofSeconds(1), 100, 32, Duration.ofSeconds(10),
                true))).isEmpty();
    }

    @Test
    void everyBadSettingIsNamedAtOnce() {
        TestOutboxSettings bad = new TestOutboxSettings(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofSeconds(5),
                Duration.ofMillis(500), Duration.ZERO, 0, 0, Duration.ZERO, true);

        assertThat(OutboxSettingsCheck.problems(bad)).containsExactlyInAnyOrder(
                "warden.outbox.max-age must be positive, is PT0S",
                "warden.outbox.initial-backoff must be positive, is PT-1S",
                "warden.outbox.poll-interval must be positive, is PT0S",
                "warden.outbox.shutdown-grace must be positive, is PT0S",
                "warden.outbox.lease must be at least PT1S, is PT0.5S",
                "warden.outbox.batch-size must be at least 1, is 0",
                "warden.outbox.destination-concurrency must be at least 1, is 0");
    }

    @Test
    void theMaximumBackoffMayNotBeBelowTheInitialOne() {
        assertThat(OutboxSettingsCheck.problems(TestOutboxSettings.fast()
                .withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1))))
                .containsExactly("warden.outbox.max-backoff (PT1S) must not be shorter than "
                        + "warden.outbox.initial-backoff (PT10S)");
    }
}
