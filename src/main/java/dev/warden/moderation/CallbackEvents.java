package dev.warden.moderation;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.persistence.ModerationEntity;
import dev.warden.persistence.QueuedWork;

/**
 * The callback an async moderation queues when its work ends, if its request named a {@code callbackUrl}: an outbox
 * row of kind {@code callback} for {@code callback:<client>}, whose payload carries the client, the URL and the
 * event to send, {@code moderation.completed} with the moderation as GET returns it. A failed moderation sends the
 * same event type, its {@code data} saying {@code status: failed} and why: the caller learns that the work ended
 * either way, from one event type.
 */
@ApplicationScoped
class CallbackEvents {

    static final String KIND = "callback";
    static final String DESTINATION_PREFIX = "callback:";
    static final String MODERATION_COMPLETED = "moderation.completed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModerationRenderer renderer;

    CallbackEvents(ModerationRenderer renderer) {
        this.renderer = renderer;
    }

    /** The callback for the moderation that {@code ended}, or none when its request named no callback URL. */
    Optional<QueuedWork> of(ModerationEntity stored, Moderation ended) {
        return Optional.ofNullable(stored.callbackUrl).map(url -> new QueuedWork(UUID.randomUUID(), KIND,
                DESTINATION_PREFIX + stored.clientName, payload(stored.clientName, url, ended)));
    }

    private String payload(String client, String url, Moderation ended) {
        ObjectNode payload = JSON.createObjectNode().put("client", client).put("url", url);
        payload.putObject("event")
                .put("type", MODERATION_COMPLETED)
                .put("timestamp", ended.completedAt().toString())
                .set("data", renderer.render(ended));
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serializes", e);
        }
    }
}
