package dev.warden.testkit;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * What one request carried, decoded the ways vendors encode it: headers, the URL and the body as sent, URL-decoded
 * (query and form), as JSON string values (unescaped), and base64 string values decoded, so the kit can look for the
 * sample text, the image and the credentials whatever the wire format.
 */
final class KitWire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final List<byte[]> binaries;

    private KitWire(String text, List<byte[]> binaries) {
        this.text = text;
        this.binaries = binaries;
    }

    static KitWire of(List<LoggedRequest> requests) {
        StringBuilder text = new StringBuilder();
        List<byte[]> binaries = new ArrayList<>();
        for (LoggedRequest request : requests) {
            for (HttpHeader header : request.getHeaders().all()) {
                text.append(header.key()).append(": ").append(String.join(",", header.values())).append('\n');
            }
            text.append(request.getUrl()).append('\n').append(urlDecoded(request.getUrl())).append('\n');
            byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
            binaries.add(body);
            String bodyText = new String(body, StandardCharsets.UTF_8);
            text.append(bodyText).append('\n').append(urlDecoded(bodyText)).append('\n');
            jsonStrings(body, text, binaries);
        }
        return new KitWire(text.toString(), List.copyOf(binaries));
    }

    boolean contains(String expected) {
        return text.contains(expected);
    }

    /** Raw (multipart) or base64 in a JSON string or anywhere in the body text. */
    boolean containsBytes(byte[] expected) {
        return text.contains(Base64.getEncoder().encodeToString(expected))
                || binaries.stream().anyMatch(binary -> indexOf(binary, expected) >= 0);
    }

    private static String urlDecoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notUrlEncoded) {
            return "";
        }
    }

    private static void jsonStrings(byte[] body, StringBuilder text, List<byte[]> binaries) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException notJson) {
            return;
        }
        if (tree == null) {
            return;
        }
        List<JsonNode> pending = new ArrayList<>(List.of(tree));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (node.isTextual()) {
                text.append(node.asText()).append('\n');
                base64(node.asText(), binaries);
            } else {
                node.forEach(pending::add);
            }
        }
    }

    private static void base64(String value, List<byte[]> binaries) {
        try {
            binaries.add(Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException notBase64) {
            // Most strings are not base64; only those that are can hold image bytes.
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int at = 0; at + needle.length <= haystack.length; at++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[at + i] != needle[i]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }
}
