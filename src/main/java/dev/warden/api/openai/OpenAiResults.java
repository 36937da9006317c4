package dev.warden.api.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.warden.api.generated.model.OpenAiModerationResult;
import dev.warden.moderation.CategoryVerdict;
import dev.warden.moderation.Decision;
import dev.warden.moderation.Moderation;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.Modality;

/**
 * Renders a completed Warden moderation as one OpenAI result: every OpenAI category through {@link OpenAiCategory},
 * {@code flagged} from the decision that stands (so a category OpenAI has no name for, such as spam, still flags).
 */
final class OpenAiResults {

    static OpenAiModerationResult of(Moderation moderation, ClassificationInput input) {
        Map<Category, CategoryVerdict> verdicts = moderation.categories();
        Set<Modality> present = input.modalities();
        Map<String, Boolean> categories = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<OpenAiModerationResult.InnerEnum>> applied = new LinkedHashMap<>();
        for (OpenAiCategory category : OpenAiCategory.values()) {
            categories.put(category.label(), category.flagged(verdicts));
            scores.put(category.label(), category.score(verdicts));
            applied.put(category.label(), category.appliedTo(present).stream()
                    .map(type -> OpenAiModerationResult.InnerEnum.fromValue(type.wireName())).toList());
        }
        return new OpenAiModerationResult()
                .flagged(moderation.finalDecision().map(decision -> decision != Decision.ALLOW).orElse(false))
                .categories(categories)
                .categoryScores(scores)
                .categoryAppliedInputTypes(applied)
                .wardenModerationId(moderation.id());
    }

    private OpenAiResults() {
    }
}
