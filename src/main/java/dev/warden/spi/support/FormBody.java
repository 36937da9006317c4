package dev.warden.spi.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.warden.spi.VendorRequest;

/**
 * An {@code application/x-www-form-urlencoded} body, UTF-8, fields in the order added. For vendors that take their
 * credentials as form fields (Sightengine): a form body keeps them out of the URL and so out of access logs.
 */
public final class FormBody {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    private FormBody() {
    }

    public static FormBody of() {
        return new FormBody();
    }

    public FormBody field(String name, String value) {
        fields.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return this;
    }

    public byte[] bytes() {
        return fields.stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }

    /** A POST of this form, with {@code headers} added (they cannot replace the content type). */
    public VendorRequest post(URI uri, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", CONTENT_TYPE);
        all.put("Accept", "application/json");
        return new VendorRequest("POST", uri, all, bytes());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Field values may be credentials or content. */
    @Override
    public String toString() {
        return "FormBody" + fields.stream().map(Map.Entry::getKey).toList();
    }
}
