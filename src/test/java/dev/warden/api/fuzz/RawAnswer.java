package dev.warden.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An HTTP/1.1 answer as read off the socket: status, headers (in order, repeated ones kept) and the decoded body. */
record RawAnswer(int status, List<String[]> headers, byte[] body) {

    /** The server closed the connection without answering. */
    static final RawAnswer NONE = new RawAnswer(0, List.of(), new byte[0]);

    static RawAnswer parse(byte[] received) {
        int end = indexOf(received, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String statusLine = new String(received, 0, Math.max(0, Math.min(end, 12)), StandardCharsets.ISO_8859_1);
        if (statusLine.matches("HTTP/1\\.1 1\\d\\d.*")) {
            // An interim answer (100 Continue): the final one follows.
            return parse(Arrays.copyOfRange(received, end + 4, received.length));
        }
        if (end < 0) {
            throw new IllegalStateException("not an HTTP answer: "
                    + new String(received, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(received, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] { lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim() });
        }
        byte[] rest = Arrays.copyOfRange(received, end + 4, received.length);
        RawAnswer raw = new RawAnswer(status, headers, rest);
        boolean chunked = raw.header("transfer-encoding").map(value -> value.equalsIgnoreCase("chunked"))
                .orElse(false);
        return chunked ? new RawAnswer(status, headers, dechunk(rest)) : raw;
    }

    Optional<String> header(String name) {
        return headers.stream().filter(header -> header[0].equals(name)).map(header -> header[1]).findFirst();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] { '\r', '\n' }, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer: for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
