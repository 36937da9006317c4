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
     * for input outside {@link #capabilities()}, and the matching kind for every vendor failure. An adapter whose
     * vendor answers later ({@link Capabilities#async()}) submits the job with {@link CallContext#callbackUrl()} and
     * answers {@link ProviderVerdict#pending(String)}; the vendor's callback then reaches {@link #parseCallback}.
     */
    Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context);

    /**
     * Reads the body a vendor posted to the callback URL of a job this adapter submitted (its token was checked
     * already): the scores, as {@link #classify} would have answered them. Throws a {@link ProviderException}:
     * {@code INVALID_RESPONSE} for a body it cannot read, the matching kind when the vendor reports that the job
     * failed. Pure translation: no I/O. Adapters that never answer {@code pending} keep this default.
     */
    default ProviderVerdict parseCallback(byte[] body) {
        throw new ProviderException(ProviderException.Kind.UNSUPPORTED, getClass().getSimpleName()
                + " submits no jobs that answer by callback");
    }
}
