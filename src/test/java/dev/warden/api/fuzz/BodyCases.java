package dev.warden.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Bodies broken one way each, starting from the contract's example: every value replaced by every JSON type, removed,
 * turned into an absurd number, a hostile string, bytes that are not UTF-8 or a 10,000-deep nest; fields the schema
 * declares but the example leaves out, with wrong values; unknown fields; and whole bodies that are not the JSON
 * they should be (empty, truncated, a scalar, not JSON, duplicated keys, a byte-order mark).
 */
final class BodyCases {

    private static final String FAMILY = "body";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Contract contract;
    private final BaseRequests base;

    BodyCases(Contract contract, BaseRequests base) {
        this.contract = contract;
        this.base = base;
    }

    List<FuzzCase> of(Contract.Operation operation) {
        if (operation.bodySchema().isEmpty()) {
            return List.of();
        }
        JsonNode example = base.exampleBody(operation);
        List<FuzzCase> cases = new ArrayList<>();
        for (JsonDocs.Pointer pointer : JsonDocs.pointers(example)) {
            valuesAt(operation, example, pointer, cases);
        }
        undeclaredInExample(operation, example, cases);
        wholeBodies(operation, example, cases);
        return cases;
    }

    private void valuesAt(Contract.Operation operation, JsonNode example, JsonDocs.Pointer pointer,
            List<FuzzCase> cases) {
        String where = pointer.toString();
        for (JsonNode wrong : Hostile.everyType()) {
            cases.add(json(operation, JsonDocs.with(example, pointer, wrong), where + " = " + wrong));
        }
        for (String number : Hostile.NUMBERS) {
            cases.add(json(operation, JsonDocs.with(example, pointer, Hostile.raw(number)), where + " = " + number));
        }
        for (String text : Hostile.STRINGS) {
            cases.add(json(operation, JsonDocs.with(example, pointer, NODES.textNode(text)),
                    where + " = string " + BaseRequests.text(NODES.textNode(text))));
        }
        cases.add(json(operation, JsonDocs.with(example, pointer, Hostile.raw(Hostile.nested(Hostile.DEEP, true))),
                where + " = arrays " + Hostile.DEEP + " deep"));
        cases.add(json(operation, JsonDocs.with(example, pointer, Hostile.raw(Hostile.nested(Hostile.DEEP, false))),
                where + " = objects " + Hostile.DEEP + " deep"));
        JsonNode marked = JsonDocs.with(example, pointer, NODES.textNode("x" + Hostile.NOT_UTF8_MARKER + "y"));
        for (byte[] notUtf8 : Hostile.NOT_UTF8) {
            cases.add(bytes(operation, replaceMarker(BaseRequests.text(marked), notUtf8),
                    where + " = string with bytes that are not UTF-8"));
        }
        if (pointer.steps().isEmpty()) {
            return;
        }
        cases.add(json(operation, JsonDocs.without(example, pointer), "without " + where));
        JsonNode value = JsonDocs.at(example, pointer);
        if (value.isObject()) {
            cases.add(json(operation, JsonDocs.with(example, pointer.child("unexpectedField"), NODES.textNode("x")),
                    where + " with an unknown field"));
        }
        if (value.isArray()) {
            cases.add(json(operation, JsonDocs.with(example, pointer, manyOf(value.isEmpty() ? NODES.numberNode(1)
                    : value.get(0), 5_000)), where + " with 5,000 items"));
        }
    }

    /** Top-level fields the schema declares and the example leaves out (e.g. {@code mode}, {@code callbackUrl}). */
    private void undeclaredInExample(Contract.Operation operation, JsonNode example, List<FuzzCase> cases) {
        JsonNode properties = contract.resolve(operation.bodySchema().get()).path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (example.has(name) || !example.isObject()) {
                continue;
            }
            JsonDocs.Pointer pointer = JsonDocs.ROOT.child(name);
            for (JsonNode wrong : Hostile.everyType()) {
                cases.add(json(operation, JsonDocs.with(example, pointer, wrong), name + " = " + wrong));
            }
            for (String text : Hostile.STRINGS) {
                cases.add(json(operation, JsonDocs.with(example, pointer, NODES.textNode(text)),
                        name + " = string " + BaseRequests.text(NODES.textNode(text))));
            }
        }
    }

    private void wholeBodies(Contract.Operation operation, JsonNode example, List<FuzzCase> cases) {
        String text = BaseRequests.text(example);
        List<String> bodies = new ArrayList<>(List.of("", " ", "null", "[]", "{}", "\"text\"", "1", "true",
                Hostile.nested(Hostile.DEEP, true), Hostile.nested(Hostile.DEEP, false), text.substring(0,
                        text.length() / 2),
                text + "}}", text + " trailing", text + text, "\ufeff" + text, "/* a comment */" + text,
                text.replace('"', '\''), "{\"a\":1,\"a\":2}", "[" + text + "]", "{" + "\"k\":1,".repeat(20_000)
                        + "\"k\":1}",
                "\u0000" + text, text.replace(":", ":\u0000")));
        bodies.addAll(Hostile.NON_JSON_LITERALS);
        bodies.addAll(Hostile.NUMBERS);
        if (example.isObject() && example.size() > 0) {
            String first = example.fieldNames().next();
            bodies.add("{\"" + first + "\":" + BaseRequests.text(example.get(first)) + "," + text.substring(1));
        }
        for (String body : bodies) {
            cases.add(bytes(operation, body.getBytes(StandardCharsets.UTF_8), "body " + body));
        }
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16);
        cases.add(bytes(operation, utf16, "the example in UTF-16"));
        cases.add(bytes(operation, text.getBytes(StandardCharsets.ISO_8859_1), "the example in ISO-8859-1"));
    }

    private FuzzCase json(Contract.Operation operation, JsonNode document, String label) {
        return bytes(operation, BaseRequests.text(document).getBytes(StandardCharsets.UTF_8), label);
    }

    private FuzzCase bytes(Contract.Operation operation, byte[] body, String label) {
        return FuzzCase.of(FAMILY, label, base.request(operation, base.path(operation), body, true), operation);
    }

    private static JsonNode manyOf(JsonNode item, int count) {
        var array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(item.deepCopy());
        }
        return array;
    }

    private static byte[] replaceMarker(String text, byte[] replacement) {
        int at = text.indexOf(Hostile.NOT_UTF8_MARKER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(replacement);
        out.writeBytes(text.substring(at + Hostile.NOT_UTF8_MARKER.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
