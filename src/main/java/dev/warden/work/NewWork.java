package dev.warden.work;

import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * Work to queue: what kind it is (its {@link WorkHandler}), where it goes ({@code destination}, the unit of
 * per-destination concurrency), what it is about ({@code subjectId}, may be null) and what the handler needs. The
 * payload holds no secrets: it is stored as it is and shown to admins.
 */
public record NewWork(String kind, String destination, UUID subjectId, JsonObject payload) {
}
