package dev.warden.moderation;

import java.util.List;

/** The aggregated view of one category: the highest score any provider gave, who gave it, and what it means. */
public record CategoryVerdict(double score, Decision action, List<String> providers) {

    public CategoryVerdict {
        providers = List.copyOf(providers);
    }

    public boolean flagged() {
        return action != Decision.ALLOW;
    }
}
