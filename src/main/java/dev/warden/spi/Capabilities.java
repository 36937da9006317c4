package dev.warden.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a provider can classify, declared before any call so the core can plan without touching the network, and
 * whether its vendor may answer later, through a callback ({@code async}): such an adapter may answer
 * {@link ProviderVerdict#pending(String)} and reads the vendor's callback with
 * {@link ClassifierAdapter#parseCallback(byte[])}.
 */
public record Capabilities(Set<Modality> modalities, boolean async) {

    public Capabilities {
        modalities = Set.copyOf(EnumSet.copyOf(modalities));
    }

    public static Capabilities sync(Modality first, Modality... rest) {
        return new Capabilities(EnumSet.of(first, rest), false);
    }

    /** A vendor that may answer later, through a callback to the URL it is given with each job. */
    public static Capabilities byCallback(Modality first, Modality... rest) {
        return new Capabilities(EnumSet.of(first, rest), true);
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
