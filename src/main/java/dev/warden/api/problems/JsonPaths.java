package dev.warden.api.problems;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Renders Jackson's path to a failing value the way the API names fields: {@code content[1].type}. */
final class JsonPaths {

    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder rendered = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getIndex() >= 0) {
                rendered.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (rendered.length() > 0) {
                    rendered.append('.');
                }
                rendered.append(reference.getFieldName());
            }
        }
        return rendered.length() == 0 ? "body" : rendered.toString();
    }

    private JsonPaths() {
    }
}
