package dev.warden.moderation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.providers.Provider;
import dev.warden.providers.ProviderRegistry;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;

/**
 * Every enabled provider of the policy, each given the parts whose modality it supports. A provider that supports
 * none of them is skipped rather than sent content it would refuse. An async moderation's job plans the providers
 * its request planned, one of which may have left the configuration since (skipped too).
 */
@ApplicationScoped
class ModerationPlanner {

    private final ProviderRegistry registry;

    ModerationPlanner(ProviderRegistry registry) {
        this.registry = registry;
    }

    ModerationPlan plan(List<String> providers, ClassificationInput input) {
        List<ModerationPlan.Call> calls = new ArrayList<>();
        List<ProviderResult> skipped = new ArrayList<>();
        Set<Modality> covered = EnumSet.noneOf(Modality.class);
        for (String id : providers) {
            Provider provider = registry.find(id).orElse(null);
            if (provider == null) {
                skipped.add(ProviderResult.skipped(id, "provider is no longer configured"));
                continue;
            }
            if (!provider.enabled()) {
                skipped.add(ProviderResult.skipped(id, "provider is disabled"));
                continue;
            }
            Set<Modality> supported = provider.adapter().capabilities().modalities();
            List<ContentPart> parts = input.parts().stream().filter(part -> supported.contains(part.modality()))
                    .toList();
            if (parts.isEmpty()) {
                skipped.add(ProviderResult.skipped(id, "supports none of the content's modalities "
                        + wireNames(input.modalities())));
                continue;
            }
            calls.add(new ModerationPlan.Call(provider, new ClassificationInput(parts)));
            parts.forEach(part -> covered.add(part.modality()));
        }
        Set<Modality> uncovered = EnumSet.noneOf(Modality.class);
        uncovered.addAll(input.modalities());
        uncovered.removeAll(covered);
        return new ModerationPlan(calls, skipped, uncovered);
    }

    private static String wireNames(Set<Modality> modalities) {
        return modalities.stream().map(Modality::wireName).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
