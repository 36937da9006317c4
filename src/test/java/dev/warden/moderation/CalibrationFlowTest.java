package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.Action;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.WardenApi;

/**
 * A provider calibrated {@code threat=0:0,0.7:0.9,1:1} scores threat 0.7 (scripted {@code score-70}): the policy
 * aggregates and decides on 0.9, which blocks at the default block threshold 0.85 where 0.7 would not, and the
 * answer shows the raw score beside the calibrated one, also when read back.
 */
@QuarkusTest
class CalibrationFlowTest {

    @Test
    void theCalibratedScoreDecidesAndTheRawOneIsShownBesideIt() throws Exception {
        ModerationResult answered = WardenApi.moderations()
                .createModeration(WardenApi.text("script:score-70 hello", "calibrated"), null);
        ModerationResult stored = WardenApi.moderations().getModeration(answered.getId());

        for (ModerationResult result : new ModerationResult[] { answered, stored }) {
            assertThat(result.getDecision()).isEqualTo(Action.BLOCK);
            assertThat(result.getCategories().get("threat").getScore()).isCloseTo(0.9, within(1e-9));
            ProviderOutcome calibrated = WardenApi.outcome(result, "calibrated");
            assertThat(calibrated.getScores()).hasEntrySatisfying("threat",
                    score -> assertThat(score).isCloseTo(0.9, within(1e-9)));
            assertThat(calibrated.getRawScores()).containsExactlyEntriesOf(Map.of("threat", 0.7));
            assertThat(calibrated.getVendorScores()).containsEntry("threat", 0.7);
            assertThat(WardenApi.outcome(result, "local-rules").getRawScores()).isNullOrEmpty();
        }
    }

    @Test
    void aScoreBetweenTwoPointsIsInterpolated() throws Exception {
        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("script:score-35 hello", "calibrated"), null);

        ProviderOutcome calibrated = WardenApi.outcome(result, "calibrated");
        assertThat(calibrated.getScores().get("threat")).isCloseTo(0.45, within(1e-9));
        assertThat(calibrated.getRawScores()).containsEntry("threat", 0.35);
        assertThat(result.getDecision()).isNotEqualTo(Action.BLOCK);
    }
}
