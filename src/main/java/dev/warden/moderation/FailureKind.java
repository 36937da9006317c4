package dev.warden.moderation;

import dev.warden.spi.ProviderException;

/** Why a provider gave no result: an adapter's classified failure, or a refusal by the provider's guard. */
public enum FailureKind {
    RATE_LIMITED,
    UNAVAILABLE,
    TIMEOUT,
    BAD_REQUEST,
    AUTH,
    INVALID_RESPONSE,
    UNSUPPORTED,
    CIRCUIT_OPEN,
    BULKHEAD_FULL;

    public static FailureKind of(ProviderException.Kind kind) {
        return valueOf(kind.name());
    }
}
