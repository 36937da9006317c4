package dev.warden.adapters.localrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.ContentPart;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.spi.ContentLimits;
import dev.warden.testkit.WardenApi;

/** Whatever the API accepts, local-rules reads to the last character: the default policy, through the API. */
@QuarkusTest
class LocalRulesLimitsApiTest {

    @Test
    void aTermAtTheVeryEndOfTheLongestTextIsFlagged() throws Exception {
        ModerationResult result = WardenApi.moderations().createModeration(WardenApi.text(
                LongTexts.endingWith("idiot", ContentLimits.DEFAULTS.maxTextLength()), "default"), null);

        assertFlaggedByLocalRules(result);
    }

    @Test
    void aTermAtTheEndOfTheLastOfTheMostPartsIsFlagged() throws Exception {
        ModerationRequest request = new ModerationRequest().policy("default");
        Arrays.stream(LongTexts.parts(ContentLimits.DEFAULTS.maxParts(), ContentLimits.DEFAULTS.maxTextLength(), "idiot"))
                .forEach(text -> request.addContentItem(new ContentPart().type(ContentPart.TypeEnum.TEXT).text(text)));

        assertFlaggedByLocalRules(WardenApi.moderations().createModeration(request, null));
    }

    private static void assertFlaggedByLocalRules(ModerationResult result) {
        ProviderOutcome localRules = result.getProviders().get(0);
        assertThat(localRules.getProvider()).isEqualTo("local-rules");
        assertThat(localRules.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(localRules.getScores()).containsEntry("harassment", 0.8);
        assertThat(result.getFlagged()).isTrue();
        assertThat(result.getDegraded()).isFalse();
    }
}
