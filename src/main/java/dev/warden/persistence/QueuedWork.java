package dev.warden.persistence;

import java.util.UUID;

/**
 * An outbox row written by the same statement as the moderation change that calls for it (see V4__outbox.sql):
 * due at once, and the insert wakes the workers. {@code payload} is JSON text.
 */
public record QueuedWork(UUID id, String kind, String destination, String payload) {
}
