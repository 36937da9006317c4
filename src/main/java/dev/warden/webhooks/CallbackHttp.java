package dev.warden.webhooks;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import dev.warden.net.PinnedRequest;
import dev.warden.providers.TransportFailures;

/**
 * The HTTP client of callback deliveries, a Vert.x client of its own. It connects to the address that was checked
 * ({@link RequestOptions#setServer}) while the request names the receiver's host (the {@code Host} header, TLS SNI
 * and certificate verification use the name, not the address). Redirects are never followed. The answer counts from
 * its status line: at most {@code max-response-bytes} of the body are then read (and dropped), and past that the
 * connection is reset rather than read on.
 */
@ApplicationScoped
class CallbackHttp {

    static final String PARTY = "receiver";
    private static final String USER_AGENT = "Warden";

    private final HttpClient client;
    private final CallbackSettings settings;

    @Inject
    CallbackHttp(Vertx vertx, CallbackReceivers receivers) {
        this(vertx, receivers.settings(), new HttpClientOptions());
    }

    /** {@code base}: options to start from (tests add a trust store for their own TLS receiver). */
    CallbackHttp(Vertx vertx, CallbackSettings settings, HttpClientOptions base) {
        this.settings = settings;
        this.client = vertx.createHttpClient(base
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(settings.guard().bulkhead().maxConcurrent())
                .setVerifyHost(true)
                .setTryUseCompression(false));
    }

    /** POSTs the body; the Uni fails with a classified {@code ProviderException} when no answer comes. */
    Uni<ReceiverAnswer> post(CallbackUrl url, InetAddress address, Map<String, String> headers, Buffer body) {
        String where = url.host().text() + ":" + url.port();
        return Uni.createFrom().emitter(emitter -> {
            AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
            AtomicBoolean answered = new AtomicBoolean();
            AtomicBoolean ended = new AtomicBoolean();
            emitter.onTermination(() -> {
                ended.set(true);
                HttpClientRequest pending = inFlight.get();
                // Cancelled or failed before an answer: the exchange is abandoned, its stream reset.
                if (pending != null && !answered.get()) {
                    pending.reset();
                }
            });
            client.request(options(url, address)).onComplete(opened -> {
                if (opened.failed()) {
                    emitter.fail(TransportFailures.failed(PARTY, where, opened.cause()));
                    return;
                }
                HttpClientRequest request = opened.result();
                inFlight.set(request);
                if (ended.get()) {
                    request.reset();
                    return;
                }
                request.putHeader("user-agent", USER_AGENT);
                headers.forEach(request::putHeader);
                request.send(body).onComplete(sent -> {
                    if (sent.failed()) {
                        emitter.fail(TransportFailures.failed(PARTY, where, sent.cause()));
                    } else {
                        answered.set(true);
                        HttpClientResponse response = sent.result();
                        drainBounded(response, request);
                        emitter.complete(new ReceiverAnswer(response.statusCode(),
                                Optional.ofNullable(response.getHeader("Retry-After"))));
                    }
                });
            });
        });
    }

    /**
     * Reads the body only to keep the connection reusable, and not past {@code max-response-bytes}: a receiver that
     * sends more (or says it will) loses the connection.
     */
    private void drainBounded(HttpClientResponse response, HttpClientRequest request) {
        long max = settings.maxResponseBytes();
        String declared = response.getHeader("Content-Length");
        if (declared != null && declaredLength(declared) > max) {
            request.reset();
            return;
        }
        long[] read = { 0 };
        response.handler(chunk -> {
            read[0] += chunk.length();
            if (read[0] > max) {
                response.handler(null);
                request.reset();
            }
        });
        // The answer is already given; a body that breaks off changes nothing about it.
        response.exceptionHandler(ignored -> {
        });
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private RequestOptions options(CallbackUrl url, InetAddress address) {
        // The connect timeout also bounds the wait for a pooled connection.
        return PinnedRequest.options(HttpMethod.POST, address, url.host(), url.port(), url.tls(), url.pathAndQuery(),
                settings.connectTimeout(), settings.timeout());
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
