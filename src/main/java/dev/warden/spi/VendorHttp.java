package dev.warden.spi;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * The non-blocking HTTP transport adapters use to reach vendors. The core provides it with bounded response sizes
 * and cancellation: cancelling the returned {@code Uni} aborts the exchange. Transport failures arrive as
 * {@link ProviderException} ({@code UNAVAILABLE} for connection failures, {@code INVALID_RESPONSE} for an answer over
 * the size limit); any HTTP status, 4xx and 5xx included, arrives as a {@link VendorResponse} for the adapter to
 * classify.
 */
public interface VendorHttp {

    Uni<VendorResponse> send(VendorRequest request);

    /**
     * This transport with its connect and idle timeouts at most {@code attemptTimeout}, so that a stalled vendor cannot
     * hold a connection longer than one attempt may last. The core gives each provider such a view.
     */
    default VendorHttp limitedTo(Duration attemptTimeout) {
        return this;
    }
}
