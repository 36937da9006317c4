package dev.warden.api.fuzz;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Addresses values inside a JSON document by path (field names and array indexes) to replace or remove them. */
final class JsonDocs {

    /** A path from the root: each step a field name (String) or an array index (Integer). */
    record Pointer(List<Object> steps) {

        Pointer child(Object step) {
            List<Object> longer = new ArrayList<>(steps);
            longer.add(step);
            return new Pointer(List.copyOf(longer));
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (Object step : steps) {
                text.append(step instanceof Integer ? "[" + step + "]" : (text.length() == 0 ? "" : ".") + step);
            }
            return text.length() == 0 ? "(body)" : text.toString();
        }
    }

    static final Pointer ROOT = new Pointer(List.of());

    /** Every value in the document, the root included, parents before their children. */
    static List<Pointer> pointers(JsonNode document) {
        List<Pointer> all = new ArrayList<>();
        collect(document, ROOT, all);
        return all;
    }

    /** A copy of the document with the value at {@code at} replaced (or added, for a new field of an object). */
    static JsonNode with(JsonNode document, Pointer at, JsonNode value) {
        if (at.steps().isEmpty()) {
            return value;
        }
        JsonNode copy = document.deepCopy();
        JsonNode parent = parent(copy, at);
        Object last = at.steps().get(at.steps().size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    /** A copy of the document without the value at {@code at}. */
    static JsonNode without(JsonNode document, Pointer at) {
        JsonNode copy = document.deepCopy();
        JsonNode parent = parent(copy, at);
        Object last = at.steps().get(at.steps().size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).remove(index);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
        return copy;
    }

    static JsonNode at(JsonNode document, Pointer pointer) {
        JsonNode node = document;
        for (Object step : pointer.steps()) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static JsonNode parent(JsonNode root, Pointer at) {
        return at(root, new Pointer(at.steps().subList(0, at.steps().size() - 1)));
    }

    private static void collect(JsonNode node, Pointer at, List<Pointer> all) {
        all.add(at);
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collect(node.get(name), at.child(name), all));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at.child(i), all);
            }
        }
    }

    private JsonDocs() {
    }
}
