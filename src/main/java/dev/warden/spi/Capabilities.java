package dev.warden.spi;

import java.util.EnumSet;
import java.util.Set;

/** What a provider can classify, declared before any call so the core can plan without touching the network. */
public record Capabilities(Set<Modality> modalities, boolean async) {

    public Capabilities {
        modalities = Set.copyOf(EnumSet.copyOf(modalities));
    }

    public static Capabilities sync(Modality first, Modality... rest) {
        return new Capabilities(EnumSet.of(first, rest), false);
    }

    public boolean supportsAll(Set<Modality> wanted) {
        return modalities.containsAll(wanted);
    }

    /** Refuses input outside these capabilities with {@code UNSUPPORTED}, as adapters must before any call. */
    public void requireSupported(ClassificationInput input, String adapterName) {
        if (!supportsAll(input.modalities())) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, adapterName + " classifies "
                    + modalities.stream().map(Modality::wireName).sorted().toList() + " only, got "
                    + input.modalities().stream().map(Modality::wireName).sorted().toList());
        }
    }
}
