package dev.warden.adapters.httpjson;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.warden.spi.VendorRequest;

/**
 * Where and how the configured vendor is called: the method, the URL (with the key in the query for
 * {@code auth=query}) and the headers (the key in {@code Authorization: Bearer} or a named header).
 */
record HttpJsonEndpoint(String method, URI uri, Map<String, String> headers) {

    enum Auth {
        NONE, BEARER, HEADER, QUERY;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static HttpJsonEndpoint of(String method, URI url, String contentType, Auth auth, Optional<String> authName,
            Optional<String> apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Accept", "application/json");
        URI uri = url;
        switch (auth) {
            case BEARER -> headers.put("Authorization", "Bearer " + apiKey.orElseThrow());
            case HEADER -> headers.put(authName.orElseThrow(), apiKey.orElseThrow());
            case QUERY -> uri = withQuery(url, authName.orElseThrow(), apiKey.orElseThrow());
            case NONE -> {
            }
        }
        return new HttpJsonEndpoint(method, uri, headers);
    }

    private static URI withQuery(URI url, String name, String value) {
        String parameter = URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String query = url.getRawQuery() == null ? parameter : url.getRawQuery() + "&" + parameter;
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "?" + query);
    }

    VendorRequest request(byte[] body) {
        return new VendorRequest(method, uri, headers, body);
    }

    /** The key may sit in the URI or a header: neither is printed. */
    @Override
    public String toString() {
        return "HttpJsonEndpoint[" + method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
                + "]";
    }
}
