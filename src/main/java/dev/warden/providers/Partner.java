package dev.warden.providers;

import java.util.Optional;
import java.util.Set;

import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.Modality;
import dev.warden.spi.PartnerWebhooks;

/**
 * Anyone Warden calls out to, through a guard of its own: a classifier provider, a callback receiver, a review desk
 * (reporting partners next). The {@link PartnerRegistry} lists every partner of every kind for operators.
 */
public interface Partner {

    /** Unique across kinds: a classifier's id is its provider id, a callback receiver's {@code callback:<client>}. */
    String id();

    PartnerKind kind();

    /** What talks to the partner: the classifier's adapter type, the callback format. */
    String adapterType();

    boolean enabled();

    ProviderGuard guard();

    /** The content a classifier classifies; nothing for a partner that classifies no content. */
    default Set<Modality> modalities() {
        return Set.of();
    }

    /**
     * How the partner calls Warden back at {@code POST /v1/webhooks/<id>}; nothing for a partner that never does
     * (that path then answers 404).
     */
    default Optional<PartnerWebhooks> webhooks() {
        return Optional.empty();
    }
}
