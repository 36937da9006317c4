package dev.warden.moderation;

import java.util.EnumMap;
import java.util.Map;

import dev.warden.config.PoliciesConfig;
import dev.warden.spi.Category;

/** Applies a policy's thresholds to aggregated scores, and its failure rule to a degraded answer. */
class DecisionMaker {

    record Verdict(Decision decision, Map<Category, CategoryVerdict> categories) {
    }

    static Verdict decide(PoliciesConfig.Policy policy, Map<Category, ScoreAggregator.Aggregate> aggregates,
            boolean degraded) {
        Map<Category, CategoryVerdict> categories = new EnumMap<>(Category.class);
        Decision decision = Decision.ALLOW;
        for (Map.Entry<Category, ScoreAggregator.Aggregate> entry : aggregates.entrySet()) {
            Decision action = action(policy, entry.getKey(), entry.getValue().score());
            categories.put(entry.getKey(), new CategoryVerdict(entry.getValue().score(), action,
                    entry.getValue().providers()));
            decision = decision.atLeast(action);
        }
        if (degraded && policy.onProviderFailure() == PoliciesConfig.FailureAction.REVIEW) {
            decision = decision.atLeast(Decision.REVIEW);
        }
        return new Verdict(decision, categories);
    }

    private static Decision action(PoliciesConfig.Policy policy, Category category, double score) {
        PoliciesConfig.Thresholds own = policy.thresholds().get(category.wireName());
        double block = own != null && own.block().isPresent() ? own.block().getAsDouble() : policy.blockThreshold();
        double review = own != null && own.review().isPresent() ? own.review().getAsDouble()
                : policy.reviewThreshold();
        if (score >= block) {
            return Decision.BLOCK;
        }
        return score >= review ? Decision.REVIEW : Decision.ALLOW;
    }

    private DecisionMaker() {
    }
}
