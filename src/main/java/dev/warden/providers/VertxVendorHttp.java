package dev.warden.providers;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import dev.warden.spi.ProviderException;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.VendorResponse;

/**
 * {@link VendorHttp} on the Vert.x HTTP client: non-blocking, pooled, with a hard cap on the response body (read
 * incrementally and aborted past the cap, so a vendor sending 10 MB never costs 10 MB) and cancellation that resets
 * the stream.
 */
public final class VertxVendorHttp implements VendorHttp {

    private final HttpClient client;
    private final long maxResponseBytes;
    private final Duration connectTimeout;
    private final Duration idleTimeout;

    public VertxVendorHttp(Vertx vertx, Duration connectTimeout, Duration idleTimeout, int maxConnectionsPerHost,
            long maxResponseBytes) {
        this(vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setMaxPoolSize(maxConnectionsPerHost)
                .setKeepAlive(true)
                .setTryUseCompression(true)), maxResponseBytes, connectTimeout, idleTimeout);
    }

    private VertxVendorHttp(HttpClient client, long maxResponseBytes, Duration connectTimeout, Duration idleTimeout) {
        this.client = client;
        this.maxResponseBytes = maxResponseBytes;
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
    }

    /** The same pooled client, with connect and idle timeouts no longer than one attempt of the provider. */
    @Override
    public VendorHttp limitedTo(Duration attemptTimeout) {
        return new VertxVendorHttp(client, maxResponseBytes, shorter(connectTimeout, attemptTimeout),
                shorter(idleTimeout, attemptTimeout));
    }

    private static Duration shorter(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }

    @Override
    public Uni<VendorResponse> send(VendorRequest request) {
        RequestOptions options = options(request);
        request.headers().forEach(options::putHeader);
        return BoundedExchange.send(client, options, Buffer.buffer(request.body()), maxResponseBytes,
                cause -> TransportFailures.failed(request.uri(), cause), () -> tooLarge(request.uri()))
                .map(answer -> new VendorResponse(answer.status(), headers(answer.headers()), answer.body()));
    }

    private static Map<String, List<String>> headers(MultiMap received) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        received.forEach(entry -> headers.computeIfAbsent(entry.getKey(), name -> new ArrayList<>())
                .add(entry.getValue()));
        return headers;
    }

    private RequestOptions options(VendorRequest request) {
        URI uri = request.uri();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        return new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(path)
                // A redirect is an answer (DSA existing-puid answers 302 for "exists"); never a second request.
                .setFollowRedirects(false)
                // Also bounds the wait for a pooled connection, so a stalled vendor cannot hold callers there.
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(idleTimeout.toMillis());
    }

    private ProviderException tooLarge(URI uri) {
        return TransportFailures.tooLarge(uri, maxResponseBytes);
    }

    public void close() {
        client.close();
    }
}
