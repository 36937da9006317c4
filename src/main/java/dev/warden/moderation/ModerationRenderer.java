package dev.warden.moderation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders a moderation exactly as {@code GET /v1/moderations/{id}} returns it, for the {@code data} of a callback
 * event. The API's shape is the API's business: the API package implements this, so the flow never depends on it.
 */
public interface ModerationRenderer {

    JsonNode render(Moderation moderation);
}
