package dev.warden.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.warden.config.PoliciesConfig;
import dev.warden.providers.ProviderCallRecorder;
import dev.warden.spi.Modality;

/**
 * Runs a plan with the policy's strategy: {@code all} calls every provider in parallel; {@code first-success} walks
 * the providers in order until every modality of the content has a good answer (optionally hedging a slow provider
 * with the next one that would look at the same modalities); {@code cascade} asks the next provider while the answer
 * so far is uncertain or some modality has no good answer yet. Every planned provider ends with a result, whatever
 * happens inside: a bug in a strategy or an adapter becomes an {@code error} result, never a failed or hanging
 * request.
 */
@ApplicationScoped
class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);
    /** Every call is bounded by the deadline itself; past it by this much, the strategy is presumed stuck. */
    static final Duration LAST_RESORT_GRACE = Duration.ofMillis(500);
    private static final String NOT_NEEDED = "not needed: earlier providers answered for every modality it looks at";

    private final ProviderCaller caller;
    private final ProviderCallRecorder recorder;

    FanOut(ProviderCaller caller, ProviderCallRecorder recorder) {
        this.caller = caller;
        this.recorder = recorder;
    }

    /** Every planned provider's result, reusing those {@code progress} has and reporting each new one to it. */
    Uni<List<ProviderResult>> run(String policyName, PoliciesConfig.Policy policy, ModerationPlan plan,
            String requestId, Instant deadline, FanOutProgress progress) {
        List<ModerationPlan.Call> calls = plan.calls();
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Function<ModerationPlan.Call, Uni<ProviderResult>> call = planned -> progress
                .stored(planned.provider().id()).map(stored -> Uni.createFrom().item(stored))
                .orElseGet(() -> caller.call(planned.provider(), planned.input(), policyName, requestId, deadline,
                        progress)
                        .invoke(progress::arrived));
        Duration limit = ProviderCaller.remaining(deadline).plus(LAST_RESORT_GRACE);
        return Uni.createFrom().deferred(() -> switch (policy.strategy()) {
            case ALL -> Uni.join().all(calls.stream().map(call).toList()).andFailFast();
            case FIRST_SUCCESS -> firstSuccess(policy, calls, 0, call, new ArrayList<>());
            case CASCADE -> cascade(policy, calls, 0, call, new ArrayList<>());
        }).ifNoItem().after(limit).failWith(() -> new IllegalStateException("strategy " + policy.strategy()
                + " gave no answer " + LAST_RESORT_GRACE.toMillis() + " ms after the deadline"))
                .onFailure().recoverWithItem(failure -> lastResort(calls, failure));
    }

    /**
     * Whether the answer falls short: some modality of the content has no {@code ok} answer from any provider, or
     * the providers fell short of what the strategy promises: with {@code all}, a called provider failed; with
     * {@code cascade}, the last one asked failed (the answer was still uncertain when the cascade ran out).
     */
    static boolean isDegraded(PoliciesConfig.Policy policy, ModerationPlan plan, List<ProviderResult> results) {
        if (!plan.uncovered().isEmpty() || !unanswered(plan.calls(), results).isEmpty()) {
            return true;
        }
        List<ProviderResult> called = results.stream().filter(result -> result.outcome() != Outcome.SKIPPED).toList();
        return switch (policy.strategy()) {
            case ALL -> called.stream().anyMatch(result -> result.outcome().isFailure());
            case FIRST_SUCCESS -> false;
            case CASCADE -> !called.isEmpty() && called.get(called.size() - 1).outcome().isFailure();
        };
    }

    /** The planned modalities that no provider has answered {@code ok} for. */
    private static Set<Modality> unanswered(List<ModerationPlan.Call> calls, List<ProviderResult> done) {
        Map<String, Set<Modality>> looksAt = calls.stream().collect(Collectors.toMap(call -> call.provider().id(),
                call -> call.input().modalities()));
        Set<Modality> unanswered = EnumSet.noneOf(Modality.class);
        looksAt.values().forEach(unanswered::addAll);
        done.stream().filter(result -> result.outcome() == Outcome.OK)
                .forEach(result -> unanswered.removeAll(looksAt.getOrDefault(result.provider(), Set.of())));
        return unanswered;
    }

    private Uni<List<ProviderResult>> firstSuccess(PoliciesConfig.Policy policy, List<ModerationPlan.Call> calls,
            int next, Function<ModerationPlan.Call, Uni<ProviderResult>> call, List<ProviderResult> done) {
        Set<Modality> needed = unanswered(calls, done);
        int primary = skipUntilNeeded(calls, next, needed, done, NOT_NEEDED);
        if (primary >= calls.size()) {
            return Uni.createFrom().item(done);
        }
        Optional<ModerationPlan.Call> backup = policy.hedge().enabled()
                ? interchangeable(calls, primary, needed) : Optional.empty();
        Uni<List<ProviderResult>> step = backup
                .map(hedge -> new HedgedPair(call, calls.get(primary), hedge, hedgeDelay(policy, calls.get(primary)))
                        .run())
                .orElseGet(() -> call.apply(calls.get(primary)).map(List::of));
        int after = primary + (backup.isPresent() ? 2 : 1);
        return step.chain(results -> {
            done.addAll(results);
            return firstSuccess(policy, calls, after, call, done);
        });
    }

    /**
     * The provider right after the primary, if it would look at exactly the modalities still needed that the
     * primary looks at: only then may either one's answer stand for the other's.
     */
    private static Optional<ModerationPlan.Call> interchangeable(List<ModerationPlan.Call> calls, int primary,
            Set<Modality> needed) {
        if (primary + 1 >= calls.size()) {
            return Optional.empty();
        }
        ModerationPlan.Call backup = calls.get(primary + 1);
        return neededOf(calls.get(primary), needed).equals(neededOf(backup, needed)) ? Optional.of(backup)
                : Optional.empty();
    }

    private Uni<List<ProviderResult>> cascade(PoliciesConfig.Policy policy, List<ModerationPlan.Call> calls, int next,
            Function<ModerationPlan.Call, Uni<ProviderResult>> call, List<ProviderResult> done) {
        boolean confident = isConfident(policy, done);
        int current = confident ? skipUntilNeeded(calls, next, unanswered(calls, done), done,
                "not needed: the cascade was confident") : next;
        if (current >= calls.size()) {
            return Uni.createFrom().item(done);
        }
        return call.apply(calls.get(current)).chain(result -> {
            done.add(result);
            return cascade(policy, calls, current + 1, call, done);
        });
    }

    /** Confident when something answered and the highest score so far is outside the uncertain band. */
    private static boolean isConfident(PoliciesConfig.Policy policy, List<ProviderResult> done) {
        if (done.stream().noneMatch(result -> result.outcome() == Outcome.OK)) {
            return false;
        }
        double highest = done.stream().filter(result -> result.outcome() == Outcome.OK)
                .flatMap(result -> result.scores().values().stream()).mapToDouble(Double::doubleValue).max()
                .orElse(0.0);
        return highest < policy.uncertainBand().low() || highest >= policy.uncertainBand().high();
    }

    /** Skips providers that would look at no modality still needed; returns the index of the next one that would. */
    private static int skipUntilNeeded(List<ModerationPlan.Call> calls, int from, Set<Modality> needed,
            List<ProviderResult> done, String reason) {
        int index = from;
        while (index < calls.size() && neededOf(calls.get(index), needed).isEmpty()) {
            done.add(ProviderResult.skipped(calls.get(index).provider().id(), reason));
            index++;
        }
        return index;
    }

    private static Set<Modality> neededOf(ModerationPlan.Call call, Set<Modality> needed) {
        Set<Modality> looksAt = EnumSet.noneOf(Modality.class);
        looksAt.addAll(call.input().modalities());
        looksAt.retainAll(needed);
        return looksAt;
    }

    private Duration hedgeDelay(PoliciesConfig.Policy policy, ModerationPlan.Call primary) {
        return HedgeDelays.resolve(policy.hedge().delay(), () -> recorder.snapshot(primary.provider().id()).p95Ms());
    }

    /** A bug got this far: every planned provider is reported as an error, and the caller still gets an answer. */
    private static List<ProviderResult> lastResort(List<ModerationPlan.Call> calls, Throwable failure) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "The provider calls failed unexpectedly, error id %s", errorId);
        Function<ModerationPlan.Call, ProviderResult> asError = call -> ProviderResult.failed(call.provider().id(),
                "internal error in Warden; error id " + errorId);
        return calls.stream().map(asError).toList();
    }
}
