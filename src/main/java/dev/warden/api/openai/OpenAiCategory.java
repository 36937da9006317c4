package dev.warden.api.openai;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.warden.moderation.CategoryVerdict;
import dev.warden.spi.Category;
import dev.warden.spi.Modality;

/**
 * OpenAI's 13 moderation categories, each with the Warden categories it is read from: the inverse of the OpenAI
 * adapter's crosswalk ({@code adapters/openai/README.md}). A label the adapter maps onto two Warden categories
 * ({@code harassment/threatening} onto harassment and threat) takes the lower of their scores and is flagged only
 * when both are; a label that shares its category with others ({@code self-harm/intent}) takes that category's
 * score. Either way the score is the highest the label can have had, so no OpenAI category reads lower than the
 * evidence behind the policy's decision. The input types are OpenAI's own for each label.
 */
enum OpenAiCategory {
    HARASSMENT("harassment", TextOnly.TYPES, Category.HARASSMENT),
    HARASSMENT_THREATENING("harassment/threatening", TextOnly.TYPES, Category.HARASSMENT, Category.THREAT),
    HATE("hate", TextOnly.TYPES, Category.HATE),
    HATE_THREATENING("hate/threatening", TextOnly.TYPES, Category.HATE, Category.THREAT),
    ILLICIT("illicit", TextOnly.TYPES, Category.ILLICIT),
    ILLICIT_VIOLENT("illicit/violent", TextOnly.TYPES, Category.ILLICIT, Category.VIOLENCE),
    SELF_HARM("self-harm", TextAndImage.TYPES, Category.SELF_HARM),
    SELF_HARM_INTENT("self-harm/intent", TextAndImage.TYPES, Category.SELF_HARM),
    SELF_HARM_INSTRUCTIONS("self-harm/instructions", TextAndImage.TYPES, Category.SELF_HARM),
    SEXUAL("sexual", TextAndImage.TYPES, Category.SEXUAL),
    SEXUAL_MINORS("sexual/minors", TextOnly.TYPES, Category.SEXUAL_MINORS),
    VIOLENCE("violence", TextAndImage.TYPES, Category.VIOLENCE),
    VIOLENCE_GRAPHIC("violence/graphic", TextAndImage.TYPES, Category.VIOLENCE_GRAPHIC);

    private final String label;
    private final Set<Modality> inputTypes;
    private final List<Category> sources;

    OpenAiCategory(String label, Set<Modality> inputTypes, Category... sources) {
        this.label = label;
        this.inputTypes = inputTypes;
        this.sources = List.of(sources);
    }

    /** OpenAI's name, e.g. {@code self-harm/intent}. */
    String label() {
        return label;
    }

    /** The input types of OpenAI's table this label applies to, of those the input has, in OpenAI's order. */
    List<Modality> appliedTo(Set<Modality> present) {
        return inputTypes.stream().filter(present::contains).sorted().toList();
    }

    /** The lowest aggregated score of its sources; 0 when a source was not scored at all. */
    double score(Map<Category, CategoryVerdict> verdicts) {
        return sources.stream().mapToDouble(source -> verdicts.containsKey(source) ? verdicts.get(source).score() : 0)
                .min().orElseThrow();
    }

    /** Flagged when the policy flagged every one of its sources. */
    boolean flagged(Map<Category, CategoryVerdict> verdicts) {
        return sources.stream().allMatch(source -> verdicts.containsKey(source) && verdicts.get(source).flagged());
    }

    List<Category> sources() {
        return sources;
    }

    /** Set constants enum constructors can use (an enum's own static fields are not yet initialized there). */
    private static final class TextOnly {
        static final Set<Modality> TYPES = Set.of(Modality.TEXT);
    }

    private static final class TextAndImage {
        static final Set<Modality> TYPES = Set.of(Modality.TEXT, Modality.IMAGE);
    }
}
