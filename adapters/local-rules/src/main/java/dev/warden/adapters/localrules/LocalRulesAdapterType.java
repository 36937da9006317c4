package dev.warden.adapters.localrules;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.spi.AdapterDescriptor;
import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ProviderContext;

/**
 * {@code local-rules}: the embedded default classifier. Matches configured terms and patterns, plus a bundled default
 * list, in process: no network, no vendor account. Configured terms and patterns add to the bundled ones of their
 * category; {@code default-list=false} drops the bundled list.
 */
@ApplicationScoped
public class LocalRulesAdapterType implements ClassifierAdapterType {

    public static final String ID = "local-rules";
    static final String MODEL_WITH_DEFAULT_LIST = ID + "/default";
    static final String MODEL_WITHOUT_DEFAULT_LIST = ID + "/custom";

    /** In process, nothing to retry and no vendor to protect: no retries, no breaker, a wide bulkhead. */
    private static final AdapterDescriptor DESCRIPTOR = new AdapterDescriptor(ID, "local rules",
            LocalRulesSettings.SPEC, LocalRulesAdapter.CAPABILITIES, Map.of("retry.max-retries", "0",
                    "circuit-breaker.enabled", "false", "bulkhead.max-concurrent", "1024", "bulkhead.queue", "0"),
            "In process: no vendor quota, so no rate limit by default.");

    private final TextNormalizer normalizer = new TextNormalizer();

    @Override
    public AdapterDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClassifierAdapter create(ProviderContext context) {
        LocalRulesSettings settings = LocalRulesSettings.read(context.settings(), normalizer, context.limits());
        Map<Category, CategoryRules> rules = new EnumMap<>(Category.class);
        if (settings.defaultList()) {
            rules.putAll(DefaultList.load(normalizer));
        }
        settings.categories().forEach((category, added) -> rules.merge(category, added, CategoryRules::plus));
        String model = settings.defaultList() ? MODEL_WITH_DEFAULT_LIST : MODEL_WITHOUT_DEFAULT_LIST;
        return new LocalRulesAdapter(new RuleBook(rules.values(), normalizer), model, settings.limits());
    }
}
