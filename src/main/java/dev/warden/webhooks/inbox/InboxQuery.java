package dev.warden.webhooks.inbox;

import java.util.Optional;

import dev.warden.work.DeliveryCursor;

/** One page of a partner's events, newest first: optionally of one status, after a cursor, at most {@code limit}. */
public record InboxQuery(String partner, Optional<InboxStatus> status, Optional<DeliveryCursor> after, int limit) {
}
