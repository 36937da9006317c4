package dev.warden.resilience;

import static dev.warden.testkit.ManagementPort.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.Action;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderError;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.WardenApi;

/**
 * first-success, hedging, cascade and the local rate limit, each shown by what the providers (scripted adapters)
 * received. {@code score-95} is a flagged answer (threat 0.95), {@code ok} a clean one.
 */
@QuarkusTest
class StrategiesTest {

    private static final String FS_PRIMARY = "fs-primary";
    private static final String FS_BACKUP = "fs-backup";
    private static final String HEDGE_PRIMARY = "hedge-primary";
    private static final String HEDGE_BACKUP = "hedge-backup";
    private static final String CASCADE_NEXT = "cascade-next";
    private static final String FLAGGED = "score-95";
    private static final String CLEAN = "ok";

    @BeforeEach
    void resetVendors() {
        ScriptedAdapterType.reset();
    }

    @Test
    void firstSuccessFallsBackWhenThePrimaryFails() throws Exception {
        ScriptedAdapterType.plan(FS_PRIMARY, "status-500");
        ScriptedAdapterType.plan(FS_BACKUP, FLAGGED);

        ModerationResult result = moderate("hello", "fallback");

        assertTheBackupAnswered(result, "fs-primary", "fs-backup");
    }

    @Test
    void firstSuccessStopsAtTheFirstAnswer() throws Exception {
        ScriptedAdapterType.plan(FS_PRIMARY, CLEAN);
        ScriptedAdapterType.plan(FS_BACKUP, CLEAN);

        ModerationResult result = moderate("hello", "fallback");

        ProviderOutcome backup = WardenApi.outcome(result, "fs-backup");
        assertThat(backup.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(backup.getReason()).startsWith("not needed");
        assertThat(calls(FS_BACKUP)).isZero();
    }

    @Test
    void aFailedChainIsDegradedAndFailsClosed() throws Exception {
        ScriptedAdapterType.plan(FS_PRIMARY, "status-500");
        ScriptedAdapterType.plan(FS_BACKUP, "status-503");

        ModerationResult result = moderate("hello", "fallback");

        assertThat(result.getDegraded()).isTrue();
        assertThat(result.getDecision()).isEqualTo(Action.REVIEW);
    }

    @Test
    void aSlowPrimaryIsHedgedAndTheFasterAnswerWins() throws Exception {
        ScriptedAdapterType.plan(HEDGE_PRIMARY, "slow-1500");
        ScriptedAdapterType.plan(HEDGE_BACKUP, FLAGGED);
        Instant start = Instant.now();

        ModerationResult result = moderate("hello", "hedged");

        assertThat(Duration.between(start, Instant.now())).as("without the hedge: 1.5 s")
                .isLessThan(Duration.ofMillis(1_000));
        ProviderOutcome primary = WardenApi.outcome(result, "hedge-primary");
        assertThat(primary.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(primary.getReason()).startsWith("hedge lost");
        assertThat(WardenApi.outcome(result, "hedge-backup").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(calls(HEDGE_PRIMARY)).isEqualTo(1);
        assertThat(calls(HEDGE_BACKUP)).isEqualTo(1);
        assertThat(result.getDegraded()).isFalse();
        management().get("/q/metrics").then().body(containsString(
                "warden_provider_calls_total{outcome=\"cancelled\",provider=\"hedge-primary\"}"));
    }

    @Test
    void aPrimaryFailingBeforeTheHedgeDelayHandsOverToTheBackup() throws Exception {
        ScriptedAdapterType.plan(HEDGE_PRIMARY, "status-500");
        ScriptedAdapterType.plan(HEDGE_BACKUP, FLAGGED);

        ModerationResult result = moderate("hello", "hedged");

        assertTheBackupAnswered(result, "hedge-primary", "hedge-backup");
    }

    @Test
    void aFastPrimaryIsNotHedged() throws Exception {
        ScriptedAdapterType.plan(HEDGE_PRIMARY, CLEAN);
        ScriptedAdapterType.plan(HEDGE_BACKUP, CLEAN);

        ModerationResult result = moderate("hello", "hedged");

        assertThat(WardenApi.outcome(result, "hedge-primary").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(WardenApi.outcome(result, "hedge-backup").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(calls(HEDGE_BACKUP)).isZero();
    }

    @Test
    void theCascadeAsksTheNextProviderOnlyWhenUncertain() throws Exception {
        ScriptedAdapterType.plan(CASCADE_NEXT, CLEAN);

        ModerationResult clear = moderate("What a lovely stream", "cascading");
        ModerationResult certain = moderate("I will hurt you", "cascading");
        assertThat(calls(CASCADE_NEXT)).as("0.0 and 0.95 are outside the band [0.5, 0.9)").isZero();

        ModerationResult uncertain = moderate("you idiot", "cascading");

        assertThat(calls(CASCADE_NEXT)).as("0.8 is inside the band").isEqualTo(1);
        assertThat(WardenApi.outcome(clear, "cascade-next").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(WardenApi.outcome(certain, "cascade-next").getReason()).contains("confident");
        assertThat(WardenApi.outcome(uncertain, "cascade-next").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(uncertain.getCategories().get("harassment").getScore()).isEqualTo(0.8);
    }

    @Test
    void theLocalRateLimitProtectsTheVendorsQuota() throws Exception {
        String limited = "limited";
        ScriptedAdapterType.plan(limited, CLEAN);

        List<ProviderOutcome> outcomes = IntStream.range(0, 6).mapToObj(i -> {
            try {
                return WardenApi.outcome(moderate("hello", limited), limited);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();

        long ok = outcomes.stream().filter(outcome -> outcome.getOutcome() == ProviderOutcome.OutcomeEnum.OK).count();
        assertThat(calls(limited)).isEqualTo((int) ok);
        assertThat(ok).isBetween(2L, 3L);
        assertThat(outcomes.stream().filter(outcome -> outcome.getOutcome() == ProviderOutcome.OutcomeEnum.RATE_LIMITED))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(outcome -> assertThat(outcome.getError().getKind())
                        .isEqualTo(ProviderError.KindEnum.RATE_LIMITED));
    }

    /** The primary failed, the backup's flagged answer decided, and the chain counts as delivered. */
    private static void assertTheBackupAnswered(ModerationResult result, String primary, String backup) {
        assertThat(WardenApi.outcome(result, primary).getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        assertThat(WardenApi.outcome(result, backup).getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(result.getCategories().get("threat").getProviders()).containsExactly(backup);
        assertThat(result.getDegraded()).as("the chain delivered an answer").isFalse();
    }

    private static int calls(String provider) {
        return ScriptedAdapterType.counters(provider).startedCalls();
    }

    private static ModerationResult moderate(String text, String policy) throws Exception {
        return WardenApi.moderations().createModeration(WardenApi.text(text, policy), null);
    }
}
