package dev.warden.api.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What the fuzz test knows about the API, all of it read from {@code openapi/warden-api.yaml}: every operation
 * (method, path template, its parameters, its JSON body's schema and examples), so an operation added to the contract
 * is fuzzed without touching the test.
 */
final class Contract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern SCOPE = Pattern.compile("[Ss]cope\\s+`(\\w+)`");

    record Parameter(String name, String in, JsonNode schema) {
    }

    /** {@code scope} is the first scope the operation's description names ("Requires scope `admin`"), if any. */
    record Operation(String method, String path, List<Parameter> parameters, Optional<JsonNode> bodySchema,
            List<JsonNode> bodyExamples, boolean open, Optional<String> scope) {

        List<Parameter> in(String location) {
            return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    private Contract(JsonNode root) {
        this.root = root;
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.add(operation(path.getKey(), operation.getKey(), path.getValue(), operation.getValue()));
            }
        }));
    }

    static Contract load(Path file) throws IOException {
        return new Contract(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    }

    List<Operation> operations() {
        return operations;
    }

    /** Every path template with the methods the contract gives it, in the contract's order. */
    Map<String, Set<String>> methodsByPath() {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        operations.forEach(operation -> methods.computeIfAbsent(operation.path(), path -> new LinkedHashSet<>())
                .add(operation.method()));
        return methods;
    }

    boolean hasPathUnder(String prefix) {
        return operations.stream().anyMatch(operation -> operation.path().startsWith(prefix));
    }

    /** The schema a {@code $ref} names, or the node itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            JsonNode target = root;
            for (String step : resolved.get("$ref").asText().substring(2).split("/")) {
                target = target.path(step);
            }
            resolved = target;
        }
        return resolved;
    }

    private Operation operation(String path, String method, JsonNode pathItem, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode declared : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : declared) {
                JsonNode resolved = resolve(parameter);
                parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                        resolve(resolved.path("schema"))));
            }
        }
        JsonNode json = operation.path("requestBody").path("content").path("application/json");
        Optional<JsonNode> body = json.has("schema") ? Optional.of(resolve(json.get("schema"))) : Optional.empty();
        List<JsonNode> examples = new ArrayList<>();
        if (json.has("example")) {
            examples.add(json.get("example"));
        }
        for (Iterator<JsonNode> named = json.path("examples").elements(); named.hasNext();) {
            examples.add(resolve(named.next()).path("value"));
        }
        boolean open = operation.has("security") && operation.get("security").isEmpty();
        Matcher scope = SCOPE.matcher(operation.path("description").asText());
        return new Operation(method.toUpperCase(Locale.ROOT), path, parameters, body, examples, open,
                scope.find() ? Optional.of(scope.group(1)) : Optional.empty());
    }
}
