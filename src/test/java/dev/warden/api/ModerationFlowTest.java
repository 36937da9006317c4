package dev.warden.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.Action;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderError;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.WardenApi;

/** The unified API end to end: real PostgreSQL, the local-rules adapter in process, OpenAI on WireMock. */
@QuarkusTest
class ModerationFlowTest {

    @BeforeEach
    void resetVendor() {
        OpenAiSimulator.reset();
    }

    @Test
    void aListedTermIsDecidedByLocalRulesWithItsCategoryAndScore() throws Exception {
        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("I will hurt you, you 1d10t", "default"), null);

        assertThat(result.getDecision()).isEqualTo(Action.BLOCK);
        assertThat(result.getFlagged()).isTrue();
        assertThat(result.getCategories().get("threat").getScore()).isEqualTo(0.95);
        assertThat(result.getCategories().get("threat").getAction()).isEqualTo(Action.BLOCK);
        assertThat(result.getCategories().get("threat").getProviders()).containsExactly("local-rules");
        assertThat(result.getCategories().get("harassment").getAction()).isEqualTo(Action.REVIEW);
        assertThat(result.getProviders()).singleElement().satisfies(outcome -> {
            assertThat(outcome.getProvider()).isEqualTo("local-rules");
            assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        });
        assertThat(result.getDegraded()).isFalse();
        assertThat(result.getTaxonomyVersion()).isEqualTo("v1");
    }

    @Test
    void cleanTextIsAllowed() throws Exception {
        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("What a lovely stream, thanks for hosting", "default"), null);

        assertThat(result.getDecision()).isEqualTo(Action.ALLOW);
        assertThat(result.getFlagged()).isFalse();
        assertThat(result.getCategories().values()).allSatisfy(category -> assertThat(category.getFlagged()).isFalse());
    }

    @Test
    void aStoredResultReadsBackExactlyAsAnswered() throws Exception {
        OpenAiSimulator.answer(OpenAiSimulator.fixture("flagged.json"));
        ModerationResult answered = WardenApi.moderations()
                .createModeration(WardenApi.text("you idiot", "with-openai"), null);

        ModerationResult stored = WardenApi.moderations().getModeration(answered.getId());

        assertThat(stored).usingRecursiveComparison().ignoringFields("createdAt", "completedAt").isEqualTo(answered);
        assertThat(stored.getCreatedAt().toInstant()).isEqualTo(answered.getCreatedAt().toInstant());
    }

    @Test
    void anOpenAiFlaggedCategoryIsFlaggedInTheAnswer() throws Exception {
        OpenAiSimulator.answer(OpenAiSimulator.fixture("flagged.json"));

        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("a perfectly polite sentence", "with-openai"), null);

        assertThat(result.getCategories().get("threat").getScore()).isEqualTo(0.9);
        assertThat(result.getCategories().get("threat").getProviders()).containsExactly("openai");
        assertThat(result.getCategories().get("threat").getAction()).isEqualTo(Action.BLOCK);
        assertThat(result.getCategories().get("self_harm").getScore()).isEqualTo(0.7);
        assertThat(result.getCategories().get("self_harm").getAction()).isEqualTo(Action.REVIEW);
        assertThat(result.getDecision()).isEqualTo(Action.BLOCK);
        ProviderOutcome openai = WardenApi.outcome(result, "openai");
        assertThat(openai.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(openai.getVendorScores()).containsEntry("harassment/threatening", 0.9);
        assertThat(result.getDegraded()).isFalse();
    }

    @Test
    void aVendorServerErrorDegradesTheAnswerInsteadOfFailingIt() throws Exception {
        OpenAiSimulator.answer(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error while processing your request.\"}}"));

        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("What a lovely stream", "with-openai"), null);

        assertThat(result.getDegraded()).isTrue();
        ProviderOutcome openai = WardenApi.outcome(result, "openai");
        assertThat(openai.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        assertThat(openai.getError().getKind()).isEqualTo(ProviderError.KindEnum.UNAVAILABLE);
        assertThat(WardenApi.outcome(result, "local-rules").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(result.getDecision()).as("fail closed: a missing provider means review").isEqualTo(Action.REVIEW);
    }

    @Test
    void aFailOpenPolicyAllowsCleanTextWhenAVendorFails() throws Exception {
        OpenAiSimulator.answer(aResponse().withStatus(503));

        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("What a lovely stream", "fail-open"), null);

        assertThat(result.getDegraded()).isTrue();
        assertThat(result.getDecision()).isEqualTo(Action.ALLOW);
    }

    @Test
    void aSlowVendorIsCutOffAtTheDeadline() throws Exception {
        OpenAiSimulator.answer(OpenAiSimulator.fixture("clean.json").withFixedDelay(5_000));
        Instant start = Instant.now();

        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("What a lovely stream", "with-openai"), null);

        assertThat(Duration.between(start, Instant.now())).as("deadline 800 ms").isLessThan(Duration.ofMillis(1_000));
        ProviderOutcome openai = WardenApi.outcome(result, "openai");
        assertThat(openai.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.TIMEOUT);
        assertThat(openai.getError().getKind()).isEqualTo(ProviderError.KindEnum.TIMEOUT);
        assertThat(openai.getLatencyMs()).isBetween(750L, 1_000L);
        assertThat(result.getDegraded()).isTrue();
    }

    @Test
    void aThrottledVendorIsReportedRateLimitedWithWhatItAskedFor() throws Exception {
        OpenAiSimulator.answer(aResponse().withStatus(429).withHeader("Retry-After", "20")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}"));

        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("hello", "with-openai"), null);

        ProviderOutcome openai = WardenApi.outcome(result, "openai");
        assertThat(openai.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.RATE_LIMITED);
        assertThat(openai.getError().getRetryAfterMs()).isEqualTo(20_000L);
    }

    @Test
    void garbageFromAVendorIsAnErrorOutcome() throws Exception {
        OpenAiSimulator.answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"results\": [ {\"flag"));

        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("hello", "with-openai"), null);

        assertThat(WardenApi.outcome(result, "openai").getError().getKind()).isEqualTo(ProviderError.KindEnum.INVALID_RESPONSE);
        assertThat(result.getDegraded()).isTrue();
    }

    @Test
    void eachProviderGetsThePartsItCanClassify() throws Exception {
        OpenAiSimulator.answer(OpenAiSimulator.fixture("image.json"));
        ModerationRequest request = WardenApi.text("look at this", "with-openai")
                .addContentItem(WardenApi.image("https://cdn.example.com/uploads/abc.png"));

        ModerationResult result = WardenApi.moderations().createModeration(request, null);

        OpenAiSimulator.admin().verifyThat(1, OpenAiSimulator.requests()
                .withRequestBody(matchingJsonPath("$.input[?(@.type == 'image_url')].image_url.url",
                        com.github.tomakehurst.wiremock.client.WireMock
                                .equalTo("https://cdn.example.com/uploads/abc.png")))
                .withRequestBody(matchingJsonPath("$.input[?(@.type == 'text')]")));
        assertThat(WardenApi.outcome(result, "local-rules").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(WardenApi.outcome(result, "openai").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        assertThat(result.getDegraded()).as("every modality was looked at").isFalse();
    }

    @Test
    void anImageNoProviderCanClassifyDegradesTheAnswer() throws Exception {
        ModerationRequest request = new ModerationRequest().policy("default")
                .addContentItem(WardenApi.image("https://cdn.example.com/uploads/abc.png"));

        ModerationResult result = WardenApi.moderations().createModeration(request, null);

        assertThat(WardenApi.outcome(result, "local-rules").getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.SKIPPED);
        assertThat(result.getDegraded()).isTrue();
        assertThat(result.getDecision()).isEqualTo(Action.REVIEW);
    }

    @Test
    void perCategoryThresholdsOverrideThePolicyDefaults() throws Exception {
        OpenAiSimulator.answer(OpenAiSimulator.fixture("flagged.json"));

        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("hello", "openai-only"), null);

        assertThat(result.getCategories().get("violence").getScore()).isEqualTo(0.6);
        assertThat(result.getCategories().get("violence").getAction())
                .as("0.6 is over the policy's violence review threshold 0.3, under its block threshold 0.95")
                .isEqualTo(Action.REVIEW);
        assertThat(result.getCategories().get("threat").getAction()).isEqualTo(Action.BLOCK);
    }
}
