package dev.warden.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.warden.net.HostName;
import dev.warden.net.InvalidHost;

/**
 * A callback URL read strictly: absolute http(s), a host in its canonical spelling ({@link HostName}), no user
 * information, no fragment, at most {@value #MAX_LENGTH} characters. What it cannot read for certain it refuses, so
 * that Warden and the receiver never disagree about where a callback goes.
 */
record CallbackUrl(boolean tls, HostName host, int port, String pathAndQuery) {

    static final int MAX_LENGTH = 2048;
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    static CallbackUrl parse(String url) {
        if (url == null || url.length() > MAX_LENGTH) {
            throw new CallbackRefused("must be a URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new CallbackRefused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new CallbackRefused("must be an absolute http(s) URL with a host");
        }
        if (uri.getRawFragment() != null) {
            throw new CallbackRefused("must not have a fragment");
        }
        Authority authority = Authority.split(uri.getRawAuthority());
        boolean tls = scheme.equals("https");
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new CallbackUrl(tls, host(authority), authority.port().orElse(tls ? HTTPS_PORT : HTTP_PORT),
                uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    private static HostName host(Authority authority) {
        try {
            return HostName.parse(authority.host());
        } catch (InvalidHost invalid) {
            throw new CallbackRefused(invalid.getMessage());
        }
    }
}
