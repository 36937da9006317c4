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
}
