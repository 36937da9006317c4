package dev.warden.spi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A vendor's complete HTTP answer, body already read within the size limit. Header names are case-insensitive. */
public record VendorResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public VendorResponse {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        headers = caseInsensitive;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean isJson() {
        return header("Content-Type").map(type -> type.toLowerCase(Locale.ROOT).contains("json")).orElse(false);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
