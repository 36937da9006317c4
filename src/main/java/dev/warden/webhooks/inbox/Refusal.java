package dev.warden.webhooks.inbox;

import java.util.Locale;

import dev.warden.spi.WebhookRejected;

/** Why an inbound webhook was refused, never stored: the {@code reason} tag of {@code warden.webhooks.rejected}. */
public enum Refusal {
    /** No partner with that id accepts webhooks: 404. */
    UNKNOWN_PARTNER,
    /** Over {@code warden.webhooks.max-body-size}: 413. */
    TOO_LARGE,
    /** The verifier's reasons: 401. */
    MISSING_SIGNATURE,
    BAD_SIGNATURE,
    STALE_TIMESTAMP,
    FUTURE_TIMESTAMP,
    /** Signed, but not a JSON object in UTF-8: 400. */
    MALFORMED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Refusal of(WebhookRejected.Reason reason) {
        return switch (reason) {
            case MISSING_SIGNATURE -> MISSING_SIGNATURE;
            case BAD_SIGNATURE -> BAD_SIGNATURE;
            case STALE_TIMESTAMP -> STALE_TIMESTAMP;
            case FUTURE_TIMESTAMP -> FUTURE_TIMESTAMP;
        };
    }
}
