package dev.warden.webhooks;

import io.vertx.core.json.JsonObject;

import dev.warden.work.WorkItem;

/**
 * A {@code callback} outbox row's payload: {@code {"client": …, "url": …, "event": {"type", "timestamp", "data"}}}.
 * The event is sent as it was stored, serialized once per attempt and signed as those exact bytes.
 */
record Callback(String client, String url, JsonObject event) {

    static Callback of(WorkItem item) {
        JsonObject payload = item.payload();
        if (payload == null || !(payload.getValue("client") instanceof String client)
                || !(payload.getValue("url") instanceof String url)
                || !(payload.getValue("event") instanceof JsonObject event)) {
            throw new CallbackRefused("the callback row's payload lacks its client, url or event");
        }
        return new Callback(client, url, event);
    }
}
