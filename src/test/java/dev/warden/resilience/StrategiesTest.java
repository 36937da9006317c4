package dev.warden.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
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
import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.WardenApi;

/** first-success, hedging, cascade and the local rate limit, each shown by what the vendors received. */
@QuarkusTest
class StrategiesTest {

    private static final String FS_PRIMARY = "/fs-primary/v1/moderations";
    private static final String FS_BACKUP = "/fs-backup/v1/moderations";
    private static final String HEDGE_PRIMARY = "/hedge-primary/v1/moderations";
    private static final String HEDGE_BACKUP = "/hedge-backup/v1/moderations";
    private static final String CASCADE_NEXT = "/cascade-next/v1/moderations";

    @BeforeEach
    void resetVendors() {
        OpenAiSimulator.reset();
    }

    @Test
    void firstSuccessFallsBackWhenThePrimaryFails() throws Exception {
        OpenAiSimulator.answer(FS_PRIMARY, aResponse().withStatus(500));
        OpenAiSimulator.answer(FS_BACKUP, OpenAiSimulator.fixture("flagged.json"));

        ModerationResult result = moderate("hello", "fallback");

        assertTheBackupAnswered(result, "fs-primary", "fs-backup");
    }

    @Test
    void firstSuccessStopsAtTheFirstAnswer() throws Exception {
        OpenAiSimulator.answer(FS_PRIMARY, OpenAiSimulator.fixture("clean.json"));
        OpenAiSimulator.answer(FS_BACKUP, OpenAiSimulator.fixture("clean.json"));

        ModerationResult result = moderate("hello", "fallback");

        ProviderOutcome backup = WardenApi.outcome(result, "fs-backup");
        assertThat(backup.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(backup.getReason()).startsWith("not needed");
        assertThat(OpenAiSimulator.calls(FS_BACKUP)).isZero();
    }

    @Test
    void aFailedChainIsDegradedAndFailsClosed() throws Exception {
        OpenAiSimulator.answer(FS_PRIMARY, aResponse().withStatus(500));
        OpenAiSimulator.answer(FS_BACKUP, aResponse().withStatus(503));

        ModerationResult result = moderate("hello", "fallback");

        assertThat(result.getDegraded()).isTrue();
        assertThat(result.getDecision()).isEqualTo(Action.REVIEW);
    }

    @Test
    void aSlowPrimaryIsHedgedAndTheFasterAnswerWins() throws Exception {
        OpenAiSimulator.answer(HEDGE_PRIMARY, OpenAiSimulator.fixture("clean.json").withFixedDelay(1_500));
        OpenAiSimulator.answer(HEDGE_BACKUP, OpenAiSimulator.fixture("flagged.json"));
        Instant start = Instant.now();

        ModerationResult result = moderate("hello", "hedged");

        assertThat(Duration.between(start, Instant.now())).as("without the hedge: 1.5 s")
                .isLessThan(Duration.ofMillis(1_000));
        ProviderOutcome primary = WardenApi.outcome(result, "hedge-primary");
        assertThat(primary.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(primary.getReason()).startsWith("hedge lost");
        assertThat(WardenApi.outcome(result, "hedge-backup").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(OpenAiSimulator.calls(HEDGE_PRIMARY)).isEqualTo(1);
        assertThat(OpenAiSimulator.calls(HEDGE_BACKUP)).isEqualTo(1);
        assertThat(result.getDegraded()).isFalse();
        given().get("/q/metrics").then().body(containsString(
                "warden_provider_calls_total{outcome=\"cancelled\",provider=\"hedge-primary\"}"));
    }

    @Test
    void aPrimaryFailingBeforeTheHedgeDelayHandsOverToTheBackup() throws Exception {
        OpenAiSimulator.answer(HEDGE_PRIMARY, aResponse().withStatus(500));
        OpenAiSimulator.answer(HEDGE_BACKUP, OpenAiSimulator.fixture("flagged.json"));

        ModerationResult result = moderate("hello", "hedged");

        assertTheBackupAnswered(result, "hedge-primary", "hedge-backup");
    }

    @Test
    void aFastPrimaryIsNotHedged() throws Exception {
        OpenAiSimulator.answer(HEDGE_PRIMARY, OpenAiSimulator.fixture("clean.json"));
        OpenAiSimulator.answer(HEDGE_BACKUP, OpenAiSimulator.fixture("clean.json"));

        ModerationResult result = moderate("hello", "hedged");

        assertThat(WardenApi.outcome(result, "hedge-primary").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(WardenApi.outcome(result, "hedge-backup").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(OpenAiSimulator.calls(HEDGE_BACKUP)).isZero();
    }

    @Test
    void theCascadeAsksTheNextProviderOnlyWhenUncertain() throws Exception {
        OpenAiSimulator.answer(CASCADE_NEXT, OpenAiSimulator.fixture("clean.json"));

        ModerationResult clear = moderate("What a lovely stream", "cascading");
        ModerationResult certain = moderate("I will hurt you", "cascading");
        assertThat(OpenAiSimulator.calls(CASCADE_NEXT)).as("0.0 and 0.95 are outside the band [0.5, 0.9)").isZero();

        ModerationResult uncertain = moderate("you idiot", "cascading");

        assertThat(OpenAiSimulator.calls(CASCADE_NEXT)).as("0.8 is inside the band").isEqualTo(1);
        assertThat(WardenApi.outcome(clear, "cascade-next").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(WardenApi.outcome(certain, "cascade-next").getReason()).contains("confident");
        assertThat(WardenApi.outcome(uncertain, "cascade-next").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(uncertain.getCategories().get("harassment").getScore()).isEqualTo(0.8);
    }

    @Test
    void theLocalRateLimitProtectsTheVendorsQuota() throws Exception {
        String path = "/limited/v1/moderations";
        OpenAiSimulator.answer(path, OpenAiSimulator.fixture("clean.json"));

        List<ProviderOutcome> outcomes = IntStream.range(0, 6).mapToObj(i -> {
            try {
                return WardenApi.outcome(moderate("hello", "limited"), "limited");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();

        long ok = outcomes.stream().filter(outcome -> outcome.getOutcome() == ProviderOutcome.OutcomeEnum.OK).count();
        assertThat(OpenAiSimulator.calls(path)).isEqualTo((int) ok);
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

    private static ModerationResult moderate(String text, String policy) throws Exception {
        return WardenApi.moderations().createModeration(WardenApi.text(text, policy), null);
    }
}
