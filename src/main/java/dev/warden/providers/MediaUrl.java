package dev.warden.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import dev.warden.net.HostName;
import dev.warden.net.InvalidHost;

/**
 * An image URL read strictly for fetching: https (http only for a listed host), a host in its canonical spelling, no
 * user information. {@code listed}: the host is in {@code warden.media.allowed-hosts}, so it may be non-public.
 * Refusals are {@link MediaRefused} with messages that never repeat the URL.
 */
record MediaUrl(boolean tls, HostName host, int port, String pathAndQuery, boolean listed) {

    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    static MediaUrl parse(String url, Set<String> allowedHosts) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new MediaRefused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.isOpaque() || uri.getHost() == null) {
            throw new MediaRefused("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new MediaRefused("must not contain user information");
        }
        HostName host;
        try {
            host = HostName.parse(uri.getHost());
        } catch (InvalidHost invalid) {
            throw new MediaRefused(invalid.getMessage());
        }
        boolean listed = allowedHosts.contains(host.text());
        boolean tls = scheme.equals("https");
        if (!tls && !listed) {
            throw new MediaRefused("must use https");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new MediaUrl(tls, host, uri.getPort() > 0 ? uri.getPort() : tls ? HTTPS_PORT : HTTP_PORT,
                uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(), listed);
    }
}
