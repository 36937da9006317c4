package dev.warden.webhooks.inbox;

import java.util.List;
import java.util.Optional;

import dev.warden.work.DeliveryCursor;

/** A page of events and where the next one starts, if there is one. */
public record InboxPage(List<StoredEvent> events, Optional<DeliveryCursor> next) {
}
