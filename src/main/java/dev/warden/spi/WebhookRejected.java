package dev.warden.spi;

import java.util.Locale;

/**
 * A webhook its partner did not send, or not recently: answered {@code 401} and never stored. The message says what
 * was wrong for the sender's operator and never repeats a secret or an expected signature.
 */
public class WebhookRejected extends RuntimeException {

    /** Why; the {@code reason} tag of the rejected-webhooks metric. */
    public enum Reason {
        MISSING_SIGNATURE,
        BAD_SIGNATURE,
        STALE_TIMESTAMP,
        FUTURE_TIMESTAMP;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public WebhookRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
