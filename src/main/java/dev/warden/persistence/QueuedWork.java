package dev.warden.persistence;

import java.util.UUID;

/**
 * An outbox row written by the same statement as the moderation change that calls for it (see V4__outbox.sql):
 * due at once, and the insert wakes the workers. {@code payload} is JSON text.
 */
public record QueuedWork(UUID id, String kind, String destination, String payload) {

    /** The kind of a review desk's request: queuing one also opens its moderation's review. */
    public static final String REVIEW_REQUEST_KIND = "review-request";
}
