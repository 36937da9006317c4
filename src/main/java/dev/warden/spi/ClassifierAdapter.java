package dev.warden.spi;

import io.smallrye.mutiny.Uni;

/**
 * A configured classifier instance (a provider). Translates a normalized request to the vendor's wire format and
 * the vendor's answer back. Never retries, sleeps, caches or breaks circuits: the core wraps every call.
 */
public interface ClassifierAdapter {

    Capabilities capabilities();

    /**
     * Classifies the input. Fails with a {@link ProviderException}: {@code UNSUPPORTED} (before any network call)
     * for input outside {@link #capabilities()}, and the matching kind for every vendor failure.
     */
    Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context);
}
