package dev.warden.api;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warden.moderation.Moderation;
import dev.warden.moderation.ModerationRenderer;

/**
 * A moderation exactly as {@code GET /v1/moderations/{id}} returns it: the same mapper, and the application's own
 * {@link ObjectMapper}, configured as for every response (no nulls, ISO-8601 timestamps).
 */
@ApplicationScoped
class ApiModerationRenderer implements ModerationRenderer {

    private final ObjectMapper json;

    ApiModerationRenderer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public JsonNode render(Moderation moderation) {
        return json.valueToTree(ModerationResultMapper.toApi(moderation));
    }
}
