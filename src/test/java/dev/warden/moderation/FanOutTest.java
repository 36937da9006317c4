package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;

import dev.warden.config.PoliciesConfig;
import dev.warden.providers.Provider;
import dev.warden.resilience.GuardSettings;
import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;

/**
 * The last resort: whatever goes wrong inside a strategy (here, a caller that throws or never answers, which
 * {@link ProviderCaller} itself never does), every planned provider ends with a result and the fan-out answers.
 * And progress: in every strategy, a result stored by an earlier attempt stands in for the call.
 */
class FanOutTest {

    private static final Duration DEADLINE = Duration.ofMillis(200);
    private static final ClassificationInput TEXT = new ClassificationInput(List.of(new ContentPart.Text("hello")));

    @ParameterizedTest
    @ValueSource(strings = { "all", "first-success", "hedged", "cascade" })
    void aStrategyThatThrowsEndsWithAnErrorForEveryProvider(String strategy) {
        List<ProviderResult> results = run(callerAnswering(() -> {
            throw new IllegalStateException("a bug in the flow");
        }), strategy);

        assertThat(results).extracting(ProviderResult::provider).containsExactly("first", "second");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.failure().orElseThrow().message()).startsWith("internal error in Warden; error id ")
                    .doesNotContain("IllegalStateException");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "all", "first-success", "hedged", "cascade" })
    void aStrategyThatNeverAnswersEndsSoonAfterTheDeadline(String strategy) {
        List<ProviderResult> results = run(callerAnswering(() -> Uni.createFrom().nothing()), strategy);

        assertThat(results).hasSize(2).allSatisfy(result -> assertThat(result.outcome()).isEqualTo(Outcome.ERROR));
    }

    @ParameterizedTest
    @ValueSource(strings = { "all", "first-success", "hedged", "cascade" })
    void aStoredResultIsReusedAndOnlyNewResultsAreReported(String strategy) {
        ProviderResult storedFirst = ProviderResult.failed("first", "stored by an earlier attempt");
        List<String> asked = new CopyOnWriteArrayList<>();
        List<ProviderResult> reported = new CopyOnWriteArrayList<>();
        ProviderCaller caller = new ProviderCaller(null) {
            @Override
            Uni<ProviderResult> call(Provider provider, ClassificationInput input, String policyName,
                    String requestId, Instant deadline, FanOutProgress progress) {
                asked.add(provider.id());
                return Uni.createFrom().item(new ProviderResult(provider.id(), Outcome.OK, 1, 1, Map.of(), Map.of(),
                        "model", Optional.empty(), Optional.empty()));
            }
        };
        FanOutProgress progress = new FanOutProgress() {
            @Override
            public Optional<ProviderResult> stored(String provider) {
                return provider.equals("first") ? Optional.of(storedFirst) : Optional.empty();
            }

            @Override
            public void arrived(ProviderResult result) {
                reported.add(result);
            }
        };

        List<ProviderResult> results = run(caller, strategy, progress);

        assertThat(asked).containsExactly("second");
        assertThat(reported).extracting(ProviderResult::provider).containsExactly("second");
        assertThat(results).contains(storedFirst);
        assertThat(results).filteredOn(result -> result.provider().equals("second"))
                .extracting(ProviderResult::outcome).containsExactly(Outcome.OK);
    }

    private static ProviderCaller callerAnswering(Supplier<Uni<ProviderResult>> answer) {
        return new ProviderCaller(null) {
            @Override
            Uni<ProviderResult> call(Provider provider, ClassificationInput input, String policyName,
                    String requestId, Instant deadline, FanOutProgress progress) {
                return answer.get();
            }
        };
    }

    private static List<ProviderResult> run(ProviderCaller caller, String strategy) {
        return run(caller, strategy, FanOutProgress.NONE);
    }

    private static List<ProviderResult> run(ProviderCaller caller, String strategy, FanOutProgress progress) {
        PoliciesConfig.Policy policy = policy(strategy);
        ModerationPlan plan = new ModerationPlan(List.of(call("first"), call("second")), List.of(),
                Set.<Modality>of());
        return new FanOut(caller, null).run("test-policy", policy, plan, "request", Instant.now().plus(DEADLINE), progress)
                .await().atMost(DEADLINE.plusSeconds(5));
    }

    private static ModerationPlan.Call call(String id) {
        GuardSettings settings = new GuardSettings(Optional.empty(),
                new GuardSettings.Retry(0, Duration.ofMillis(10), Duration.ofMillis(10), 0.2, 10),
                new GuardSettings.Breaker(false, 0.5, 4, Duration.ofSeconds(1), 1), new GuardSettings.Bulkhead(4, 4),
                0);
        return new ModerationPlan.Call(new Provider(id, "test", true, new ProviderGuard(settings), null), TEXT);
    }

    private static PoliciesConfig.Policy policy(String strategy) {
        Map<String, String> values = new HashMap<>(Map.of("warden.policies.p.providers", "first,second",
                "warden.policies.p.deadline", "200ms"));
        if (strategy.equals("hedged")) {
            values.put("warden.policies.p.strategy", "first-success");
            values.put("warden.policies.p.hedge.enabled", "true");
            values.put("warden.policies.p.hedge.delay", "20ms");
        } else {
            values.put("warden.policies.p.strategy", strategy);
        }
        return new SmallRyeConfigBuilder().withMapping(PoliciesConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValues(values).build().getConfigMapping(PoliciesConfig.class).all().get("p");
    }
}
