package dev.warden.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.warden.spi.ProviderException;

/**
 * One vendor-specific failure for the kit: the answer (on {@code stubOrNull}'s request pattern, or on any request),
 * the kind it must become and the wait a {@code RATE_LIMITED} one must carry.
 */
public record VendorFailure(String name, MappingBuilder stubOrNull, ResponseDefinitionBuilder answer,
        ProviderException.Kind expected, Optional<Duration> retryAfter) {

    public VendorFailure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** {@code answer} to any request becomes {@code expected}, without a wait. */
    public static VendorFailure of(String name, ResponseDefinitionBuilder answer, ProviderException.Kind expected) {
        return new VendorFailure(name, null, answer, expected, Optional.empty());
    }

    /** {@code answer} to any request becomes {@code RATE_LIMITED} with this wait. */
    public static VendorFailure rateLimited(String name, ResponseDefinitionBuilder answer, Duration retryAfter) {
        return new VendorFailure(name, null, answer, ProviderException.Kind.RATE_LIMITED, Optional.of(retryAfter));
    }

    @Override
    public String toString() {
        return name;
    }
}
