package dev.warden.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A classified vendor failure. Adapters turn every failure into one of these kinds; the core decides what each
 * means (retry, circuit breaker, outcome).
 */
public class ProviderException extends RuntimeException {

    public enum Kind {
        /** The vendor throttled us; may carry how long it asked us to wait. Retryable. */
        RATE_LIMITED(true),
        /** The vendor is down, overloaded or unreachable. Retryable. */
        UNAVAILABLE(true),
        /** No answer in time. Retryable. */
        TIMEOUT(true),
        /** The vendor rejected our input; does not count against the vendor's health. */
        BAD_REQUEST(false),
        /** Credentials missing, wrong or without quota. */
        AUTH(false),
        /** The vendor answered something we cannot read. */
        INVALID_RESPONSE(false),
        /** The adapter cannot handle this input; raised before any network call. */
        UNSUPPORTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    public ProviderException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public ProviderException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public ProviderException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        // Every wait an adapter hands the core passes here, parsed by RetryAfter or built by hand: one bound for all.
        this.retryAfter = retryAfter == null ? null : RetryAfter.clamp(retryAfter);
    }

    public static ProviderException rateLimited(String message, Duration retryAfter) {
        return new ProviderException(Kind.RATE_LIMITED, message, retryAfter, null);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
