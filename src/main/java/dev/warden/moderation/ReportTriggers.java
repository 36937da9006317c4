package dev.warden.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.config.PoliciesConfig;
import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.QueuedWork;
import dev.warden.spi.Category;

/**
 * The reports a decision or a completed review files by policy ({@code warden.policies.<name>.reports.<partner>}):
 * one {@code report-trigger} outbox row per matching rule, queued in the same statement as the decision or the
 * review, so a stored decision never misses its report and a report never exists without its decision. The row's
 * subject is the moderation; its payload names the partner and the trigger, the flagged categories and, for a
 * decision, the content's part types and image URLs (a sync moderation keeps no content, and the report needs
 * them), never its text.
 */
@ApplicationScoped
public class ReportTriggers {

    public static final String KIND = "report-trigger";
    public static final String DESTINATION = "report-triggers";
    /** {@code on} values: the automated decision, or a reviewer's block. */
    public static final String ON_BLOCK = "block";
    public static final String ON_REVIEW = "review";
    public static final String ON_HUMAN_BLOCK = "human-block";
    public static final Set<String> ON_VALUES = Set.of(ON_BLOCK, ON_REVIEW, ON_HUMAN_BLOCK);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rows for a moderation the policy just decided. */
    List<QueuedWork> ofDecision(Moderation decided, PoliciesConfig.Policy policy,
            ModerationEntity.StoredContent content) {
        Optional<Decision> decision = decided.decision();
        if (decision.isEmpty() || decision.get() == Decision.ALLOW) {
            return List.of();
        }
        return rows(policy, decision.get().wireName(), decided, flagged(decided), "decision", content);
    }

    /**
     * Rows for a reviewer's decision on a moderation: only a block files, for the categories the reviewer confirmed
     * (those the policy flagged when the reviewer named none).
     */
    List<QueuedWork> ofReview(Moderation reviewed, HumanDecision human, PoliciesConfig.Policy policy) {
        if (human.decision() != Decision.BLOCK) {
            return List.of();
        }
        Set<Category> confirmed = human.categories().isEmpty() ? flagged(reviewed) : Set.copyOf(human.categories());
        return rows(policy, ON_HUMAN_BLOCK, reviewed, confirmed, "review", null);
    }

    private static Set<Category> flagged(Moderation moderation) {
        return moderation.categories().entrySet().stream().filter(entry -> entry.getValue().flagged())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static List<QueuedWork> rows(PoliciesConfig.Policy policy, String on, Moderation moderation,
            Set<Category> categories, String trigger, ModerationEntity.StoredContent content) {
        List<QueuedWork> rows = new ArrayList<>();
        policy.reports().forEach((partner, rule) -> {
            if (rule.on().contains(on) && matches(rule, categories)) {
                rows.add(new QueuedWork(UUID.randomUUID(), KIND, DESTINATION,
                        payload(partner, trigger, moderation, categories, content).toString()));
            }
        });
        return rows;
    }

    private static boolean matches(PoliciesConfig.ReportRule rule, Set<Category> categories) {
        return rule.categories().map(wanted -> categories.stream().anyMatch(category -> wanted
                .contains(category.wireName()))).orElse(!categories.isEmpty());
    }

    /** {@code categories}: highest score first, as the report names its main category first. */
    private static ObjectNode payload(String partner, String trigger, Moderation moderation,
            Set<Category> categories, ModerationEntity.StoredContent content) {
        ObjectNode payload = JSON.createObjectNode().put("partner", partner).put("trigger", trigger);
        ArrayNode names = payload.putArray("categories");
        categories.stream().sorted(Comparator.comparingDouble((Category category) -> score(moderation, category))
                .reversed().thenComparing(Category::wireName)).map(Category::wireName).forEach(names::add);
        if (content != null) {
            ArrayNode parts = payload.putArray("parts");
            content.parts().forEach(part -> {
                ObjectNode node = parts.addObject().put("type", part.type());
                if (part.url() != null) {
                    node.put("url", part.url());
                }
            });
        }
        return payload;
    }

    private static double score(Moderation moderation, Category category) {
        CategoryVerdict verdict = moderation.categories().get(category);
        return verdict == null ? 0 : verdict.score();
    }
}
