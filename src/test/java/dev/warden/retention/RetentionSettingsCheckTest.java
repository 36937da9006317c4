package dev.warden.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.warden.config.PoliciesConfig;
import dev.warden.work.OutboxSettings;

/** Nonsense retention settings are refused at start-up, each named by its key; sensible ones pass. */
class RetentionSettingsCheckTest {

    private static final Duration OUTBOX_MAX_AGE = Duration.ofDays(3);
    private static final Map<String, Duration> DEADLINES = Map.of("default", Duration.ofMinutes(10));

    @Test
    void theDefaultsAndZeroAgesPass() {
        assertThat(RetentionSettingsCheck.problems(TestRetentionSettings.defaults(), OUTBOX_MAX_AGE, DEADLINES))
                .isEmpty();
        assertThat(RetentionSettingsCheck.problems(TestRetentionSettings.defaults().withContext(Duration.ZERO)
                .withReports(Duration.ZERO), OUTBOX_MAX_AGE, DEADLINES)).isEmpty();
    }

    @Test
    void aNegativeOrTinyAgeIsNamed() {
        assertThat(RetentionSettingsCheck.problems(TestRetentionSettings.defaults()
                .withContext(Duration.ofDays(-1)).withReports(Duration.ofMinutes(5)), OUTBOX_MAX_AGE, DEADLINES))
                .containsExactly("warden.retention.context must not be negative, is PT-24H",
                        "warden.retention.reports must be 0 (keep forever) or at least PT1H, is PT5M");
    }

    @Test
    void pendingContentMustExpireAfterTheOutboxGivesUp() {
        assertThat(RetentionSettingsCheck.problems(TestRetentionSettings.defaults()
                .withPendingContent(Duration.ZERO), OUTBOX_MAX_AGE, DEADLINES))
                .contains("warden.retention.pending-content must be positive: content kept for pending work must"
                        + " expire");
        assertThat(RetentionSettingsCheck.problems(TestRetentionSettings.defaults()
                .withPendingContent(Duration.ofDays(3)), OUTBOX_MAX_AGE, DEADLINES))
                .containsExactly("warden.retention.pending-content (PT72H) must be longer than warden.outbox.max-age"
                        + " (PT72H): the outbox gives a job up first, and tells its caller");
    }

    @Test
    void pendingContentMustOutlastEveryPolicysWaitForVendorCallbacks() {
        assertThat(RetentionSettingsCheck.problems(TestRetentionSettings.defaults(), OUTBOX_MAX_AGE,
                Map.of("default", Duration.ofMinutes(10), "slow-vendors", Duration.ofDays(8))))
                .containsExactly("warden.retention.pending-content (PT168H) must be longer than"
                        + " warden.policies.slow-vendors.async-deadline (PT192H)");
    }

    @Test
    void intervalAndBatchSizeAreBounded() {
        assertThat(RetentionSettingsCheck.problems(TestRetentionSettings.defaults().withInterval(Duration.ZERO)
                .withBatchSize(0), OUTBOX_MAX_AGE, DEADLINES))
                .containsExactly("warden.retention.interval must be at least PT1S, is PT0S",
                        "warden.retention.batch-size must be between 1 and 10000, is 0");
        assertThat(RetentionSettingsCheck.problems(TestRetentionSettings.defaults().withBatchSize(10_001),
                OUTBOX_MAX_AGE, DEADLINES)).containsExactly(
                        "warden.retention.batch-size must be between 1 and 10000, is 10001");
    }

    @Test
    void startUpFailsWithEveryProblemInOneMessage() {
        OutboxSettings outbox = (OutboxSettings) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { OutboxSettings.class }, (proxy, method, arguments) -> OUTBOX_MAX_AGE);
        PoliciesConfig policies = (PoliciesConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { PoliciesConfig.class }, (proxy, method, arguments) -> Map.of());
        TestRetentionSettings bad = TestRetentionSettings.defaults().withContext(Duration.ofDays(-1)).withBatchSize(0);

        assertThatThrownBy(() -> new RetentionSettingsCheck(bad, outbox, policies))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Invalid retention settings: warden.retention.context must not be negative, is PT-24H; "
                        + "warden.retention.batch-size must be between 1 and 10000, is 0");
        assertThat(new RetentionSettingsCheck(TestRetentionSettings.defaults(), outbox, policies)).isNotNull();
    }
}
