package dev.warden.webhooks;

import java.util.Optional;

import dev.warden.net.HostName;
import dev.warden.net.InvalidHost;

/**
 * One entry of {@code warden.clients.<name>.callback-hosts}:
 * <ul>
 * <li>{@code host} — that host, any port, https only;</li>
 * <li>{@code host:port} — that host on that port only;</li>
 * <li>{@code http://host[:port]} — the same, and plain http allowed too ({@code https://} may be written, and changes
 * nothing);</li>
 * <li>{@code *.example.com} (also with a scheme and a port) — every subdomain of {@code example.com}, not
 * {@code example.com} itself, and only where they resolve to public addresses.</li>
 * </ul>
 * Hosts are compared in their canonical spelling ({@link HostName}); an IP literal is an exact entry for that
 * address as written in the standard way ({@code 127.0.0.1}, {@code [::1]}).
 */
record AllowedHost(HostName host, boolean wildcard, Optional<Integer> port, boolean allowsHttp) {

    private static final String HTTP = "http://";
    private static final String HTTPS = "https://";
    private static final String WILDCARD = "*.";

    static AllowedHost parse(String entry) {
        String rest = entry.trim();
        boolean http = rest.regionMatches(true, 0, HTTP, 0, HTTP.length());
        if (http) {
            rest = rest.substring(HTTP.length());
        } else if (rest.regionMatches(true, 0, HTTPS, 0, HTTPS.length())) {
            rest = rest.substring(HTTPS.length());
        } else if (rest.contains("://")) {
            throw new IllegalArgumentException("only http:// or https:// may come before the host");
        }
        boolean wildcard = rest.startsWith(WILDCARD);
        if (wildcard) {
            rest = rest.substring(WILDCARD.length());
        }
        Authority authority;
        HostName host;
        try {
            authority = Authority.split(rest);
            host = HostName.parse(authority.host());
        } catch (CallbackRefused | InvalidHost invalid) {
            throw new IllegalArgumentException("is not host, host:port, http://host[:port] or *.domain: it "
                    + invalid.getMessage());
        }
        if (wildcard && (host.isLiteral() || !host.text().contains("."))) {
            throw new IllegalArgumentException("a wildcard must cover the subdomains of a domain name with at least"
                    + " two labels, like *.example.com");
        }
        return new AllowedHost(host, wildcard, authority.port(), http);
    }

    /** Whether this entry covers the host and port (the port the URL names, or its scheme's default). */
    boolean covers(HostName target, int targetPort) {
        if (port.isPresent() && port.get() != targetPort) {
            return false;
        }
        if (wildcard) {
            return !target.isLiteral() && target.text().endsWith("." + host.text());
        }
        return target.text().equals(host.text());
    }
}
