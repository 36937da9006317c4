package dev.warden.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.config.PoliciesConfig;
import dev.warden.providers.ProviderCallRecorder;

/**
 * Runs a plan with the policy's strategy: {@code all} calls every provider in parallel; {@code first-success} walks
 * the providers in order until one answers (optionally hedging a slow one with the next); {@code cascade} asks the
 * next provider only while the answer so far is uncertain. Every planned provider ends with a result.
 */
@ApplicationScoped
class FanOut {

    private final ProviderCaller caller;
    private final ProviderCallRecorder recorder;

    FanOut(ProviderCaller caller, ProviderCallRecorder recorder) {
        this.caller = caller;
        this.recorder = recorder;
    }

    Uni<List<ProviderResult>> run(PoliciesConfig.Policy policy, ModerationPlan plan, String requestId,
            Instant deadline) {
        List<ModerationPlan.Call> calls = plan.calls();
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return switch (policy.strategy()) {
            case ALL -> Uni.join().all(calls.stream().map(call -> call(call, requestId, deadline)).toList())
                    .andFailFast();
            case FIRST_SUCCESS -> firstSuccess(policy, calls, 0, requestId, deadline, new ArrayList<>());
            case CASCADE -> cascade(policy, calls, 0, requestId, deadline, new ArrayList<>());
        };
    }

    /**
     * Whether the providers' results fall short of what the strategy promises: with {@code all}, any called provider
     * failed; with {@code first-success}, none answered; with {@code cascade}, the last one asked failed (the answer
     * was still uncertain when the cascade ran out).
     */
    static boolean isDegraded(PoliciesConfig.Policy policy, List<ProviderResult> results) {
        List<ProviderResult> called = results.stream().filter(result -> result.outcome() != Outcome.SKIPPED).toList();
        return switch (policy.strategy()) {
            case ALL -> called.stream().anyMatch(result -> result.outcome().isFailure());
            case FIRST_SUCCESS -> !called.isEmpty() && called.stream().noneMatch(result -> result.outcome() == Outcome.OK);
            case CASCADE -> !called.isEmpty() && called.get(called.size() - 1).outcome().isFailure();
        };
    }

    private Uni<ProviderResult> call(ModerationPlan.Call call, String requestId, Instant deadline) {
        return caller.call(call.provider(), call.input(), requestId, deadline);
    }

    private Uni<List<ProviderResult>> firstSuccess(PoliciesConfig.Policy policy, List<ModerationPlan.Call> calls,
            int next, String requestId, Instant deadline, List<ProviderResult> done) {
        if (next >= calls.size()) {
            return Uni.createFrom().item(done);
        }
        boolean hedged = policy.hedge().enabled() && next + 1 < calls.size();
        Uni<List<ProviderResult>> step = hedged
                ? new HedgedPair(caller, calls.get(next), calls.get(next + 1), hedgeDelay(policy, calls.get(next)),
                        requestId, deadline).run()
                : call(calls.get(next), requestId, deadline).map(List::of);
        int after = next + (hedged ? 2 : 1);
        return step.chain(results -> {
            done.addAll(results);
            if (results.stream().anyMatch(result -> result.outcome() == Outcome.OK)) {
                return Uni.createFrom().item(skipRest(calls, after, done, "not needed: an earlier provider answered"));
            }
            return firstSuccess(policy, calls, after, requestId, deadline, done);
        });
    }

    private Uni<List<ProviderResult>> cascade(PoliciesConfig.Policy policy, List<ModerationPlan.Call> calls, int next,
            String requestId, Instant deadline, List<ProviderResult> done) {
        if (next >= calls.size()) {
            return Uni.createFrom().item(done);
        }
        return call(calls.get(next), requestId, deadline).chain(result -> {
            done.add(result);
            if (result.outcome() == Outcome.OK && isConfident(policy, done)) {
                return Uni.createFrom().item(skipRest(calls, next + 1, done,
                        "not needed: the cascade was confident"));
            }
            return cascade(policy, calls, next + 1, requestId, deadline, done);
        });
    }

    /** Confident when the highest score so far is outside the uncertain band: clearly fine or clearly not. */
    private static boolean isConfident(PoliciesConfig.Policy policy, List<ProviderResult> done) {
        double highest = done.stream().filter(result -> result.outcome() == Outcome.OK)
                .flatMap(result -> result.scores().values().stream()).mapToDouble(Double::doubleValue).max()
                .orElse(0.0);
        return highest < policy.uncertainBand().low() || highest >= policy.uncertainBand().high();
    }

    private static List<ProviderResult> skipRest(List<ModerationPlan.Call> calls, int from, List<ProviderResult> done,
            String reason) {
        calls.subList(from, calls.size()).forEach(call -> done.add(ProviderResult.skipped(call.provider().id(),
                reason)));
        return done;
    }

    private Duration hedgeDelay(PoliciesConfig.Policy policy, ModerationPlan.Call primary) {
        return HedgeDelays.resolve(policy.hedge().delay(), recorder.snapshot(primary.provider().id()).p95Ms());
    }
}
