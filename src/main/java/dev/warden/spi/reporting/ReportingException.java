package dev.warden.spi.reporting;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.warden.spi.ProviderException;

/**
 * A partner call that failed without an answer about the report: the kinds are {@link ProviderException}'s
 * ({@code RATE_LIMITED}, {@code UNAVAILABLE}, {@code TIMEOUT} are retried; {@code AUTH} pauses the partner), with
 * what the exchange showed for the report's attempts.
 */
public final class ReportingException extends ProviderException {

    private final transient Exchange exchange;

    public ReportingException(Kind kind, Exchange exchange, Optional<Duration> retryAfter) {
        super(kind, exchange.message(), retryAfter.orElse(null), null);
        this.exchange = Objects.requireNonNull(exchange, "exchange");
    }

    public ReportingException(Kind kind, Exchange exchange) {
        this(kind, exchange, Optional.empty());
    }

    public Exchange exchange() {
        return exchange;
    }
}
