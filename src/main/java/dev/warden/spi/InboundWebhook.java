package dev.warden.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A webhook as it arrived at {@code POST /v1/webhooks/{partner}}, before anything parsed it: the partner named in the
 * path, the headers (names lower-cased: header lookup is case-insensitive), the query parameters and the body's exact
 * bytes. A {@link WebhookVerifier} decides from this alone whether the partner sent it.
 */
public record InboundWebhook(String partner, Map<String, String> headers, Map<String, String> query, byte[] body) {

    public InboundWebhook {
        headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (first, second) -> first));
        query = Map.copyOf(query);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
