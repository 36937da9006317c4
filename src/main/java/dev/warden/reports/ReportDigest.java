package dev.warden.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code report.request_sha256}: the SHA-256 of a report's partner and content with members in name order, so that
 * the same report sent again with its members in another order is recognised as the same.
 */
final class ReportDigest {

    private ReportDigest() {
    }

    static String of(String partner, JsonNode content) {
        StringBuilder canonical = new StringBuilder(partner).append('\n');
        write(content, canonical);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                sorted.put(member.getKey(), member.getValue());
            }
            out.append('{');
            sorted.forEach((name, value) -> {
                out.append(quoted(name)).append(':');
                write(value, out);
                out.append(',');
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(item -> {
                write(item, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }

    private static String quoted(String name) {
        return TextNode.valueOf(name).toString();
    }
}
