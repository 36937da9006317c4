package dev.warden.spi.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.warden.spi.VendorRequest;

/**
 * A {@code multipart/form-data} body (RFC 7578), UTF-8, parts in the order added. The boundary is random per body, so
 * content cannot contain it by accident or design; names are quoted with quotes and line breaks percent-encoded, as
 * browsers do.
 */
public final class MultipartBody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CRLF = "\r\n";

    private record Part(String name, String filename, String contentType, byte[] bytes) {
    }

    private final String boundary;
    private final List<Part> parts = new ArrayList<>();

    private MultipartBody() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.boundary = "warden-" + HexFormat.of().formatHex(random);
    }

    public static MultipartBody of() {
        return new MultipartBody();
    }

    public MultipartBody field(String name, String value) {
        parts.add(new Part(Objects.requireNonNull(name, "name"), null, null,
                Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public MultipartBody file(String name, String filename, String contentType, byte[] bytes) {
        parts.add(new Part(Objects.requireNonNull(name, "name"), Objects.requireNonNull(filename, "filename"),
                Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(bytes, "bytes")));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append(CRLF)
                    .append("Content-Disposition: form-data; name=\"").append(quoted(part.name())).append('"');
            if (part.filename() != null) {
                head.append("; filename=\"").append(quoted(part.filename())).append('"').append(CRLF)
                        .append("Content-Type: ").append(part.contentType());
            }
            head.append(CRLF).append(CRLF);
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes(CRLF.getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--" + CRLF).getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A POST of this body, with {@code headers} added (they cannot replace the content type). */
    public VendorRequest post(URI uri, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType());
        all.put("Accept", "application/json");
        return new VendorRequest("POST", uri, all, bytes());
    }

    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Part values may be credentials or content. */
    @Override
    public String toString() {
        return "MultipartBody" + parts.stream().map(Part::name).toList();
    }
}
