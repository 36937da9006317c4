package dev.warden.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request as bytes, built leniently: the method, target and header values go out exactly as given (CR, LF, NUL
 * and non-ASCII bytes included), headers may repeat, and {@code Content-Length} is added from the body unless the
 * case sets one itself or asks for none.
 */
final class RawRequest {

    private final String method;
    private final String target;
    private final List<byte[][]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private boolean automaticLength = true;
    private String version = "HTTP/1.1";

    RawRequest(String method, String target) {
        this.method = method;
        this.target = target;
    }

    String method() {
        return method;
    }

    /** The request target as sent, e.g. {@code /v1/moderations?limit=5}. */
    String target() {
        return target;
    }

    /** The path part of the target (before any query), as sent. */
    String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    RawRequest header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    RawRequest header(String name, byte[] value) {
        headers.add(new byte[][] { name.getBytes(StandardCharsets.UTF_8), value });
        if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("transfer-encoding")) {
            automaticLength = false;
        }
        return this;
    }

    RawRequest body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    RawRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    RawRequest version(String version) {
        this.version = version;
        return this;
    }

    boolean hasHeader(String name) {
        return headers.stream()
                .anyMatch(header -> new String(header[0], StandardCharsets.UTF_8).equalsIgnoreCase(name));
    }

    byte[] bytes(String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // ISO-8859-1: a character up to U+00FF in the method or target goes out as that one byte, so a case can send
        // raw bytes that are not UTF-8 in the request line.
        out.writeBytes((method + " " + target + " " + version + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (!hasHeader("host")) {
            write(out, "Host: " + host + "\r\n");
        }
        write(out, "Connection: close\r\n");
        for (byte[][] header : headers) {
            out.writeBytes(header[0]);
            write(out, ": ");
            out.writeBytes(header[1]);
            write(out, "\r\n");
        }
        if (automaticLength && (body.length > 0 || "POST".equals(method) || "PUT".equals(method)
                || "PATCH".equals(method))) {
            write(out, "Content-Length: " + body.length + "\r\n");
        }
        write(out, "\r\n");
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
