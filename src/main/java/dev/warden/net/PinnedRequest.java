package dev.warden.net;

import java.net.InetAddress;
import java.time.Duration;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * A request that connects to an address {@link CheckedAddresses} checked ({@link RequestOptions#setServer}) while it
 * names the host: the {@code Host} header, TLS SNI and certificate verification use the name, not the address, and
 * no second lookup can send it elsewhere. Redirects are never followed.
 */
public final class PinnedRequest {

    private PinnedRequest() {
    }

    /** {@code connectTimeout} also bounds the wait for a pooled connection. */
    public static RequestOptions options(HttpMethod method, InetAddress address, HostName host, int port, boolean tls,
            String pathAndQuery, Duration connectTimeout, Duration idleTimeout) {
        return new RequestOptions()
                .setMethod(method)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(host.text())
                .setPort(port)
                .setSsl(tls)
                .setURI(pathAndQuery)
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(idleTimeout.toMillis());
    }
}
