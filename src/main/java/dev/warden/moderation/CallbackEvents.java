package dev.warden.moderation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.QueuedWork;

/**
 * The callbacks a moderation queues, if its request named a {@code callbackUrl}: outbox rows of kind
 * {@code callback} for {@code callback:<client>}, whose payload carries the client, the URL and the event to send
 * with the moderation as GET returns it. {@code moderation.completed} when its work ends: a failed moderation sends
 * the same event type, its {@code data} saying {@code status: failed} and why, so the caller learns that the work
 * ended either way, from one event type. {@code moderation.updated} when a review desk's decision changed it.
 */
@ApplicationScoped
class CallbackEvents {

    static final String KIND = "callback";
    static final String DESTINATION_PREFIX = "callback:";
    static final String MODERATION_COMPLETED = "moderation.completed";
    static final String MODERATION_UPDATED = "moderation.updated";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModerationRenderer renderer;

    CallbackEvents(ModerationRenderer renderer) {
        this.renderer = renderer;
    }

    /** The callback for the moderation that {@code ended}, or none when its request named no callback URL. */
    Optional<QueuedWork> completed(ModerationEntity stored, Moderation ended) {
        return of(stored, MODERATION_COMPLETED, ended.completedAt(), ended);
    }

    /** The callback for a moderation a review {@code updated} at {@code at}, or none without a callback URL. */
    Optional<QueuedWork> updated(ModerationEntity stored, Moderation updated, Instant at) {
        return of(stored, MODERATION_UPDATED, at, updated);
    }

    private Optional<QueuedWork> of(ModerationEntity stored, String type, Instant at, Moderation moderation) {
        return Optional.ofNullable(stored.callbackUrl).map(url -> new QueuedWork(UUID.randomUUID(), KIND,
                DESTINATION_PREFIX + stored.clientName, payload(stored.clientName, url, type, at, moderation)));
    }

    private String payload(String client, String url, String type, Instant at, Moderation moderation) {
        ObjectNode payload = JSON.createObjectNode().put("client", client).put("url", url);
        payload.putObject("event")
                .put("type", type)
                .put("timestamp", at.toString())
                .set("data", renderer.render(moderation));
        return text(payload);
    }

    static String text(ObjectNode payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serializes", e);
        }
    }
}
