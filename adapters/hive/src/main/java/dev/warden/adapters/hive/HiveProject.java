package dev.warden.adapters.hive;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hive's two kinds of project, each with its own API key and answer: text moderation (severities 0..3 per class, plus
 * pattern filters) and visual moderation (probabilities per class). A task names its kind in the {@code metadata}
 * field, which Hive echoes in the callback, because a callback carries no other sure sign of which project sent it.
 */
enum HiveProject {
    TEXT("warden:text"),
    VISUAL("warden:visual");

    private final String metadata;

    HiveProject(String metadata) {
        this.metadata = metadata;
    }

    String metadata() {
        return metadata;
    }

    /**
     * The project a task came from: its echoed {@code metadata}, or else the text answer's own fields
     * ({@code language}, {@code moderated_classes}), which visual answers never carry.
     */
    static HiveProject of(JsonNode task) {
        String echoed = task.path("metadata").asText("");
        for (HiveProject project : values()) {
            if (project.metadata.equals(echoed)) {
                return project;
            }
        }
        return textFieldsIn(task).isPresent() ? TEXT : VISUAL;
    }

    private static Optional<JsonNode> textFieldsIn(JsonNode task) {
        for (JsonNode status : task.path("status")) {
            JsonNode response = status.path("response");
            if (response.has("language") || response.has("moderated_classes")) {
                return Optional.of(response);
            }
        }
        return Optional.empty();
    }
}
