package dev.warden.spi;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request to a vendor. */
public record VendorRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    public VendorRequest {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    public static VendorRequest postJson(URI uri, Map<String, String> headers, byte[] json) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        all.put("Accept", "application/json");
        return new VendorRequest("POST", uri, all, json);
    }
}
