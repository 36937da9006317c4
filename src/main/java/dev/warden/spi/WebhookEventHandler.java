package dev.warden.spi;

import io.smallrye.mutiny.Uni;

/**
 * Turns a verified, stored inbound event into a domain update: a review desk's decision, an async vendor's result.
 * Runs on the work backbone after the sender was answered, possibly more than once for one event (a crash after
 * the update, an operator's replay): it must be idempotent.
 */
public interface WebhookEventHandler {

    Uni<EventOutcome> handle(InboxEvent event);
}
