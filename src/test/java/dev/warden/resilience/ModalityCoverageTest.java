package dev.warden.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.Action;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.ScriptedAdapterType;
import dev.warden.testkit.WardenApi;

/**
 * With {@code first-success}, hedging and {@code cascade}, an answer for the text does not stand for the image: the
 * chain goes on until every modality of the content has a good answer, and an unchecked one makes the answer degraded.
 * Each policy puts the text-only {@code local-rules} before {@code scripted-images}, which looks at text and images.
 */
@QuarkusTest
class ModalityCoverageTest {

    private static final String IMAGES = "scripted-images";

    @BeforeEach
    void resetCounters() {
        ScriptedAdapterType.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = { "modal-first-success", "modal-hedged", "modal-cascade" })
    void anImageIsLookedAtAfterTheTextWasAnswered(String policy) throws Exception {
        ModerationResult result = moderate(policy, "https://images.example/cat.png");

        assertThat(WardenApi.outcome(result, "local-rules").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(WardenApi.outcome(result, IMAGES).getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(ScriptedAdapterType.counters(IMAGES).startedCalls()).isEqualTo(1);
        assertThat(result.getDegraded()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "modal-first-success", "modal-hedged", "modal-cascade" })
    void anImageNobodyCouldLookAtMakesTheAnswerDegraded(String policy) throws Exception {
        ModerationResult result = moderate(policy, "https://images.example/script:fail.png");

        assertThat(WardenApi.outcome(result, IMAGES).getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        assertThat(result.getDegraded()).isTrue();
        assertThat(result.getDecision()).as("fails closed").isEqualTo(Action.REVIEW);
    }

    @ParameterizedTest
    @ValueSource(strings = { "modal-first-success", "modal-hedged", "modal-cascade" })
    void textAloneStopsAtTheFirstGoodAnswer(String policy) throws Exception {
        ModerationResult result = WardenApi.moderations().createModeration(WardenApi.text("hello there", policy),
                null);

        assertThat(WardenApi.outcome(result, IMAGES).getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(WardenApi.outcome(result, IMAGES).getReason()).startsWith("not needed");
        assertThat(ScriptedAdapterType.counters(IMAGES).startedCalls()).isZero();
        assertThat(result.getDegraded()).isFalse();
    }

    private static ModerationResult moderate(String policy, String imageUrl) throws Exception {
        return WardenApi.moderations().createModeration(
                WardenApi.text("hello there", policy).addContentItem(WardenApi.image(imageUrl)), null);
    }
}
