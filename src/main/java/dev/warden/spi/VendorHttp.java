package dev.warden.spi;

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
}
