package dev.warden.webhooks.inbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

import dev.warden.spi.EventOutcome;
import dev.warden.spi.InboxEvent;
import dev.warden.spi.WebhookEventHandler;

/**
 * The test partners' event handler: does what the event's {@code data.script} says, unless a test re-scripted that
 * event since ({@link #script}), and records every call by the event's {@code webhook-id}. Scripts: {@code apply},
 * {@code refuse:<reason>}, {@code invalid:<reason>}, {@code fail-<n>} (fails the first n attempts, then applies),
 * {@code fail} (always fails).
 */
@ApplicationScoped
public class ScriptedEvents implements WebhookEventHandler {

    private final Map<String, List<InboxEvent>> calls = new ConcurrentHashMap<>();
    private final Map<String, String> rescripted = new ConcurrentHashMap<>();

    @Override
    public Uni<EventOutcome> handle(InboxEvent event) {
        calls.computeIfAbsent(event.eventId(), id -> new CopyOnWriteArrayList<>()).add(event);
        String script = rescripted.getOrDefault(event.eventId(),
                new JsonObject(event.body()).getJsonObject("data", new JsonObject()).getString("script", "apply"));
        String[] parts = script.split(":", 2);
        if (parts[0].equals("refuse")) {
            return Uni.createFrom().item(EventOutcome.refused(parts[1]));
        }
        if (parts[0].equals("invalid")) {
            return Uni.createFrom().item(EventOutcome.invalid(parts[1]));
        }
        if (parts[0].equals("fail") || (parts[0].startsWith("fail-")
                && calls.get(event.eventId()).size() <= Integer.parseInt(parts[0].substring("fail-".length())))) {
            return Uni.createFrom().failure(new IllegalStateException("scripted failure " + event.attempt()));
        }
        return Uni.createFrom().item(EventOutcome.applied());
    }

    /** From now on, the event does this instead. */
    public void script(String eventId, String script) {
        rescripted.put(eventId, script);
    }

    public List<InboxEvent> calls(String eventId) {
        return calls.getOrDefault(eventId, List.of());
    }
}
