package dev.warden.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warden.config.ClientsConfig;

/**
 * Decides, when a request names a {@code callbackUrl}, whether its client may have callbacks sent there: only to
 * the hosts in {@code warden.clients.<name>.callback-hosts}, over https unless the host is listed with
 * {@code http://}.
 */
@ApplicationScoped
public class CallbackTargets {

    private static final String HTTP_PREFIX = "http://";

    private final ClientsConfig clients;

    CallbackTargets(ClientsConfig clients) {
        this.clients = clients;
    }

    /** Empty when the client may use the URL; otherwise why not, in words safe to show the caller. */
    public Optional<String> refusal(String client, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        List<String> allowed = Optional.ofNullable(clients.all().get(client))
                .flatMap(ClientsConfig.Client::callbackHosts).orElse(List.of());
        boolean listedForHttp = allowed.contains(HTTP_PREFIX + host);
        if (!listedForHttp && !allowed.contains(host)) {
            return Optional.of("names host '" + host + "', which is not in this client's callback-hosts");
        }
        if (scheme.equals("http") && !listedForHttp) {
            return Optional.of("must use https: host '" + host + "' is not listed with http://");
        }
        return Optional.empty();
    }
}
