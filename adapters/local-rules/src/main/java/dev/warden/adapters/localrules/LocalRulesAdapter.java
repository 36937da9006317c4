package dev.warden.adapters.localrules;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderVerdict;

/**
 * Classifies text in process against a {@link RuleBook}. Every category with rules gets a score: its configured
 * score when a rule matched, 0.0 otherwise, so a caller sees what was evaluated. The vendor scores name the rules
 * that matched, never the matched text.
 */
final class LocalRulesAdapter implements ClassifierAdapter {

    static final int MAX_VENDOR_SCORES = 20;

    static final Capabilities CAPABILITIES = Capabilities.sync(Modality.TEXT);

    private final RuleBook rules;
    private final String model;
    private final TextLimits limits;

    LocalRulesAdapter(RuleBook rules, String model, TextLimits limits) {
        this.rules = rules;
        this.model = model;
        this.limits = limits;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
        return Uni.createFrom().item(() -> {
            CAPABILITIES.requireSupported(input, "local-rules");
            limits.check(input.texts());
            return verdict(input.texts());
        });
    }

    private ProviderVerdict verdict(List<ContentPart.Text> texts) {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        Set<Category> evaluated = rules.categories();
        evaluated.forEach(category -> scores.put(category, 0.0));
        Map<String, Double> vendorScores = new LinkedHashMap<>();
        for (ContentPart.Text text : texts) {
            for (RuleMatch match : rules.matchesIn(text.text())) {
                double score = rules.scoreOf(match.category());
                scores.put(match.category(), score);
                if (vendorScores.size() < MAX_VENDOR_SCORES) {
                    vendorScores.put(match.key(), score);
                }
            }
        }
        return new ProviderVerdict(scores, vendorScores, model);
    }
}
