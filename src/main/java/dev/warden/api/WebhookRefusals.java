package dev.warden.api;

import jakarta.ws.rs.core.Response;

import dev.warden.api.problems.ProblemResponses;
import dev.warden.api.problems.ProblemTypes;
import dev.warden.webhooks.inbox.WebhookRefused;

/** A refused inbound webhook as problem details: 404, 413, 401 or 400 by reason, the detail for the sender. */
final class WebhookRefusals {

    private WebhookRefusals() {
    }

    static Response problem(WebhookRefused refused) {
        String detail = refused.getMessage();
        return switch (refused.refusal()) {
            case UNKNOWN_PARTNER -> ProblemResponses.of(404, ProblemTypes.NOT_FOUND, "Unknown partner", detail);
            case TOO_LARGE -> ProblemResponses.of(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", detail);
            case MALFORMED -> ProblemResponses.of(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", detail);
            case MISSING_SIGNATURE, BAD_SIGNATURE, STALE_TIMESTAMP, FUTURE_TIMESTAMP -> ProblemResponses.of(401,
                    ProblemTypes.WEBHOOK_SIGNATURE_REFUSED, "Webhook signature refused", detail);
        };
    }
}
