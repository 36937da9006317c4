package dev.warden.bench.loadgen;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;

/** The one request every load request repeats: parsed and read once, then stamped out per request. */
final class TargetRequest {

    private final URI url;
    private final HttpMethod method;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String pathAndQuery;
    private final MultiMap headers;
    private final Buffer body;

    private TargetRequest(URI url, HttpMethod method, MultiMap headers, Buffer body) {
        this.url = url;
        this.method = method;
        this.ssl = "https".equalsIgnoreCase(url.getScheme());
        this.host = url.getHost();
        this.port = url.getPort() >= 0 ? url.getPort() : ssl ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        this.pathAndQuery = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        this.headers = headers;
        this.body = body;
    }

    static TargetRequest from(Command.Common common) throws UsageException {
        MultiMap headers = HttpHeaders.headers();
        common.headers().forEach(header -> headers.add(header.name(), header.value()));
        return new TargetRequest(common.url(), HttpMethod.valueOf(common.method()), headers, readBody(common));
    }

    private static Buffer readBody(Command.Common common) throws UsageException {
        if (common.bodyFile().isEmpty()) {
            return Buffer.buffer();
        }
        try {
            return Buffer.buffer(Files.readAllBytes(common.bodyFile().get()));
        } catch (IOException e) {
            throw new UsageException("cannot read --body-file " + common.bodyFile().get() + ": " + e);
        }
    }

    /** Fresh options per request: the client may add headers of its own, and must not add them to ours. */
    RequestOptions newRequestOptions() {
        return new RequestOptions()
                .setMethod(method)
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setURI(pathAndQuery)
                .setHeaders(HttpHeaders.headers().addAll(headers));
    }

    /** Safe to send repeatedly: Vert.x writes a slice of the buffer and leaves its contents alone. */
    Buffer body() {
        return body;
    }

    String url() {
        return url.toString();
    }
}
