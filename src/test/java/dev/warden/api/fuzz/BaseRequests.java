package dev.warden.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The well-formed request for an operation, which each case then breaks in one way: good path values, the operation's
 * API key (or a valid partner signature on the one open operation), {@code Content-Type: application/json} and the
 * contract's first example as the body.
 */
final class BaseRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private final Fixtures fixtures;

    BaseRequests(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    String path(Contract.Operation operation) {
        return fill(operation.path(), Map.of());
    }

    /** The path with {@code replaced} parameters as given (raw) and the others good. */
    String fill(String template, Map<String, String> replaced) {
        Matcher parameter = TEMPLATE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = replaced.containsKey(name) ? replaced.get(name) : fixtures.pathValue(template, name);
            parameter.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return parameter.appendTail(path).toString();
    }

    JsonNode exampleBody(Contract.Operation operation) {
        return operation.bodyExamples().isEmpty() ? JsonNodeFactory.instance.objectNode()
                : fixtures.example(operation.bodyExamples().get(0));
    }

    /** The operation's good request to {@code target}, with {@code body} (signed, on the open operation). */
    RawRequest request(Contract.Operation operation, String target, byte[] body, boolean withContentType) {
        RawRequest request = new RawRequest(operation.method(), target);
        authorize(operation, request, body);
        if (withContentType && operation.bodySchema().isPresent()) {
            request.header("Content-Type", "application/json");
        }
        return request.body(body);
    }

    RawRequest request(Contract.Operation operation) {
        return request(operation, path(operation), exampleBytes(operation), true);
    }

    /** The example body as sent: none for an operation without a JSON body. */
    byte[] exampleBytes(Contract.Operation operation) {
        return bytes(exampleBody(operation), operation);
    }

    /** The key or signature the operation needs, and nothing else. */
    void authorize(Contract.Operation operation, RawRequest request, byte[] body) {
        if (operation.open()) {
            fixtures.signature(body).forEach(request::header);
        } else {
            request.header("Authorization", "Bearer " + fixtures.key(operation.scope()));
        }
    }

    /** The body of an operation with a JSON body; none for the others. */
    static byte[] bytes(JsonNode document, Contract.Operation operation) {
        return operation.bodySchema().isPresent() ? text(document).getBytes(StandardCharsets.UTF_8) : new byte[0];
    }

    static String text(JsonNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
