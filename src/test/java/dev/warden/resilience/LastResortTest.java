package dev.warden.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.WardenApi;

/**
 * An adapter that throws, answers null, misbehaves or never answers, under every strategy: the caller still gets a
 * 200 within the deadline, the broken provider's outcome is recorded as a failure with no exception text, and the
 * other provider's answer stands.
 */
@QuarkusTest
class LastResortTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final List<String> POLICIES = List.of("bug-all", "bug-first-success", "bug-hedged", "bug-cascade");
    private static final List<String> STEPS = List.of("throw", "null-uni", "null-verdict", "bug",
            "infinite-vendor-score", "absurd-retry-after", "negative-retry-after", "hang");

    static Stream<Arguments> brokenAdapters() {
        return POLICIES.stream().flatMap(policy -> STEPS.stream().map(step -> Arguments.of(policy, step)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenAdapters")
    void aBrokenAdapterNeverFailsTheRequest(String policy, String step) throws Exception {
        Instant start = Instant.now();

        ModerationResult result = WardenApi.moderations()
                .createModeration(WardenApi.text("script:" + step + " hello", policy), null);

        assertThat(Duration.between(start, Instant.now())).as("the deadline plus room for a loaded machine")
                .isLessThan(DEADLINE.plusSeconds(3));
        ProviderOutcome broken = WardenApi.outcome(result, "scripted");
        assertThat(broken.getOutcome()).isIn(ProviderOutcome.OutcomeEnum.ERROR, ProviderOutcome.OutcomeEnum.TIMEOUT,
                ProviderOutcome.OutcomeEnum.RATE_LIMITED, ProviderOutcome.OutcomeEnum.SKIPPED);
        if (broken.getError() != null) {
            assertThat(broken.getError().getMessage()).doesNotContain("Exception").doesNotContain("scripted bug");
        }
        boolean chainRanOutOfTime = step.equals("hang") && !policy.equals("bug-all") && !policy.equals("bug-hedged");
        if (!chainRanOutOfTime) {
            assertThat(WardenApi.outcome(result, "local-rules").getOutcome())
                    .isEqualTo(ProviderOutcome.OutcomeEnum.OK);
        }
    }
}
