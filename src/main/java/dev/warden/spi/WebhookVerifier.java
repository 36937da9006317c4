package dev.warden.spi;

import io.smallrye.mutiny.Uni;

/**
 * Decides whether a partner sent an inbound webhook, from its raw bytes and headers, before anything parses the
 * body: Standard Webhooks signatures for partners that sign, an unguessable per-job token for vendors that do not.
 * Answers the event's id, the key Warden dedupes deliveries on, or fails with {@link WebhookRejected}. May complete
 * later (a verifier may look a token up), but never blocks.
 */
public interface WebhookVerifier {

    Uni<VerifiedWebhook> verify(InboundWebhook webhook);
}
