package dev.warden.webhooks;

import java.util.Optional;

import dev.warden.spi.ProviderException;
import dev.warden.spi.RetryAfter;

/**
 * A receiver answered, but not with a 2xx. A {@link ProviderException} of the kind that says how the receiver is
 * doing, so its guard's breaker judges it like any partner's failure: 5xx, 429, a redirect count against the receiver;
 * 410 and other 4xx (it is up, and refuses) do not.
 */
final class ReceiverRefusal extends ProviderException {

    static final int GONE = 410;
    private static final int TOO_MANY_REQUESTS = 429;

    private final int status;

    private ReceiverRefusal(Kind kind, int status, String message, ReceiverAnswer answer) {
        super(kind, message, answer.retryAfter().flatMap(RetryAfter::parse).orElse(null), null);
        this.status = status;
    }

    static ReceiverRefusal of(ReceiverAnswer answer) {
        int status = answer.status();
        if (status == GONE) {
            return new ReceiverRefusal(Kind.BAD_REQUEST, status,
                    "the receiver answered 410 Gone: callbacks to it stopped", answer);
        }
        if (status >= 300 && status < 400) {
            return new ReceiverRefusal(Kind.INVALID_RESPONSE, status,
                    "the receiver answered " + status + ", a redirect, which Warden never follows", answer);
        }
        Kind kind = status == TOO_MANY_REQUESTS ? Kind.RATE_LIMITED
                : status >= 500 ? Kind.UNAVAILABLE
                        : status >= 400 ? Kind.BAD_REQUEST : Kind.INVALID_RESPONSE;
        return new ReceiverRefusal(kind, status, "the receiver answered " + status, answer);
    }

    boolean gone() {
        return status == GONE;
    }

    Optional<Integer> httpStatus() {
        return Optional.of(status);
    }
}
