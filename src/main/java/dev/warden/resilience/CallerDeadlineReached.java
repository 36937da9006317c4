package dev.warden.resilience;

import dev.warden.spi.ProviderException;

/**
 * An attempt cut short by the caller's deadline rather than by the provider's own {@code timeout}: reported as a
 * timeout, but it says nothing about the vendor's health, so the circuit breaker does not count it.
 */
public final class CallerDeadlineReached extends ProviderException {

    public CallerDeadlineReached(String message) {
        super(Kind.TIMEOUT, message);
    }
}
