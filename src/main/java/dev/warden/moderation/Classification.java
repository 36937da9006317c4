package dev.warden.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.VertxContexts;
import dev.warden.spi.ClassificationInput;

/**
 * Decides one moderation: plans the providers, calls them with the policy's strategy within its deadline (from now),
 * aggregates their scores and applies the policy. The same code for a sync request, inline, and for an async
 * moderation's job, which also reuses and stores progress. When a vendor accepted a job and answers by callback, the
 * moderation stays pending; once every provider answered (or its deadline passed), the same decision is made from
 * the stored results ({@link #decideStored}).
 */
@ApplicationScoped
class Classification {

    private final ModerationPlanner planner;
    private final FanOut fanOut;

    Classification(ModerationPlanner planner, FanOut fanOut) {
        this.planner = planner;
        this.fanOut = fanOut;
    }

    /**
     * @param providers the providers to plan, in policy order: the policy's own for a request, the ones its request
     *        planned for a job
     */
    Uni<Moderation> run(UUID id, String policyName, PoliciesConfig.Policy policy, List<String> providers,
            ClassificationInput input, Instant createdAt, FanOutProgress progress) {
        ModerationPlan plan = planner.plan(providers, input);
        Executor context = VertxContexts.current();
        return fanOut.run(policyName, policy, plan, id.toString(), now().plus(policy.deadline()), progress)
                .emitOn(context)
                .map(results -> decide(id, policyName, policy, providers, plan, results, createdAt));
    }

    /**
     * The decision from the results stored for every planned provider, in policy order, as the fan-out would have
     * made it from the same results.
     */
    Moderation decideStored(UUID id, String policyName, PoliciesConfig.Policy policy, List<String> providers,
            ClassificationInput input, Instant createdAt, List<ProviderResult> stored) {
        return decide(id, policyName, policy, providers, planner.plan(providers, input), stored, createdAt);
    }

    private static Moderation decide(UUID id, String policyName, PoliciesConfig.Policy policy, List<String> providers,
            ModerationPlan plan, List<ProviderResult> called, Instant createdAt) {
        Map<String, ProviderResult> byProvider = new HashMap<>();
        plan.skipped().forEach(result -> byProvider.put(result.provider(), result));
        called.forEach(result -> byProvider.put(result.provider(), result));
        List<ProviderResult> ordered = new ArrayList<>();
        providers.forEach(provider -> ordered.add(byProvider.get(provider)));

        if (called.stream().anyMatch(result -> result.outcome() == Outcome.PENDING)) {
            return Moderation.awaitingCallbacks(id, policyName, ordered, createdAt);
        }
        boolean degraded = FanOut.isDegraded(policy, plan, called);
        List<ProviderResult> answered = called.stream().filter(result -> result.outcome() == Outcome.OK).toList();
        DecisionMaker.Verdict verdict = DecisionMaker.decide(policy, ScoreAggregator.aggregate(answered), degraded);
        return Moderation.completed(id, policyName, verdict.decision(), verdict.categories(), ordered, degraded,
                createdAt, now());
    }

    /** PostgreSQL keeps microseconds; an answer must carry exactly what a later read returns. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
