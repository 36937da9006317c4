package dev.warden.adapters.httpjson;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.ClassificationInput;
import dev.warden.spi.support.StrictJson;

/**
 * The request body as configured: a JSON document in which {@code ${text}}, {@code ${texts}} and {@code ${image_url}}
 * stand for whole JSON values. The template is parsed once, at start-up, into a tree whose placeholder nodes are
 * replaced per call by Jackson nodes built from the content. The content is never spliced into JSON text, so no text
 * can close a string or add a field.
 */
final class RequestTemplate {

    /** What a placeholder stands for. */
    enum Placeholder {
        /** The text parts joined by a blank line, as one JSON string ({@code ""} without text). */
        TEXT("text"),
        /** The text parts as a JSON array of strings. */
        TEXTS("texts"),
        /** The image's URL as a JSON string, or {@code null} without an image. */
        IMAGE_URL("image_url");

        private final String name;

        Placeholder(String name) {
            this.name = name;
        }

        String written() {
            return "${" + name + "}";
        }

        static Optional<Placeholder> written(String text) {
            return Arrays.stream(values()).filter(placeholder -> placeholder.written().equals(text)).findFirst();
        }
    }

    /** A placeholder, quoted or not: quoting it is allowed, and either way it becomes a JSON string marker. */
    private static final Pattern WRITTEN = Pattern.compile("\"?(\\$\\{[^}\"]*})\"?");

    private final JsonNode tree;
    private final Set<Placeholder> used;

    private RequestTemplate(JsonNode tree, Set<Placeholder> used) {
        this.tree = tree;
        this.used = used;
    }

    /**
     * Parses a template. Fails with the problem (never a parser message that quotes the template at length) when it
     * is not JSON, or a placeholder is unknown or not a whole value ({@code "Hello ${text}"}).
     */
    static RequestTemplate parse(String template) {
        Matcher written = WRITTEN.matcher(template);
        String marked = written.replaceAll(match -> Matcher.quoteReplacement("\"" + match.group(1) + "\""));
        JsonNode tree;
        try {
            tree = StrictJson.MAPPER.readTree(marked);
        } catch (IOException e) {
            throw new IllegalArgumentException("is not JSON with placeholders as whole values (a placeholder inside "
                    + "a string, such as \"Hello ${text}\", is not allowed)");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("is empty");
        }
        Set<Placeholder> used = EnumSet.noneOf(Placeholder.class);
        collect(tree, used);
        return new RequestTemplate(tree, used);
    }

    private static void collect(JsonNode node, Set<Placeholder> used) {
        if (node.isTextual()) {
            String text = node.asText();
            Optional<Placeholder> placeholder = Placeholder.written(text);
            if (placeholder.isPresent()) {
                used.add(placeholder.get());
            } else if (text.contains("${")) {
                throw new IllegalArgumentException("has an unknown placeholder or one inside a string; known: "
                        + Arrays.stream(Placeholder.values()).map(Placeholder::written)
                                .collect(Collectors.joining(", ")));
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().contains("${")) {
                throw new IllegalArgumentException("has a placeholder as a field name; placeholders stand for values");
            }
            collect(field.getValue(), used);
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, used));
        }
    }

    Set<Placeholder> placeholders() {
        return used;
    }

    /** The body for {@code input}, with at most one image (the adapter refuses more before calling). */
    byte[] bind(ClassificationInput input) {
        return StrictJson.bytes(bound(tree.deepCopy(), input));
    }

    private static JsonNode bound(JsonNode node, ClassificationInput input) {
        if (node.isTextual()) {
            return Placeholder.written(node.asText()).map(placeholder -> value(placeholder, input)).orElse(node);
        }
        if (node instanceof ObjectNode object) {
            List.copyOf(object.properties()).forEach(field -> object.set(field.getKey(), bound(field.getValue(),
                    input)));
        } else if (node instanceof ArrayNode array) {
            for (int at = 0; at < array.size(); at++) {
                array.set(at, bound(array.get(at), input));
            }
        }
        return node;
    }

    private static JsonNode value(Placeholder placeholder, ClassificationInput input) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (placeholder) {
            case TEXT -> nodes.textNode(input.joinedText());
            case TEXTS -> {
                ArrayNode texts = nodes.arrayNode();
                input.texts().forEach(text -> texts.add(text.text()));
                yield texts;
            }
            case IMAGE_URL -> input.images().isEmpty() ? nodes.nullNode() : nodes.textNode(input.images().get(0).url());
        };
    }
}
