package dev.warden.providers;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;

/**
 * One exchange on a Vert.x HTTP client with a hard cap on the answer's body: a larger declared {@code Content-Length}
 * is refused before reading, a body that grows past the cap is aborted while read (so 10 MB never costs 10 MB), and
 * cancelling the {@code Uni} resets the stream, also while it still waits for a pooled connection.
 */
final class BoundedExchange {

    /** The status line, the headers (case-insensitive) and the body of an answer. */
    record Answer(int status, MultiMap headers, byte[] body) {
    }

    private BoundedExchange() {
    }

    /**
     * @param failed what a transport failure becomes (the cause names the host: words it for the audience)
     * @param tooLarge what an answer past {@code maxBytes} becomes
     */
    static Uni<Answer> send(HttpClient client, RequestOptions options, Buffer body, long maxBytes,
            Function<Throwable, RuntimeException> failed, Supplier<RuntimeException> tooLarge) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
            AtomicBoolean ended = new AtomicBoolean();
            AtomicBoolean answered = new AtomicBoolean();
            // Termination also follows a complete answer: resetting that stream would close its kept-alive
            // connection, so every call would open a new one (a TCP and, to a real vendor, a TLS handshake).
            emitter.onTermination(() -> {
                ended.set(true);
                HttpClientRequest pending = inFlight.get();
                if (pending != null && !answered.get()) {
                    pending.reset();
                }
            });
            client.request(options).onComplete(opened -> {
                if (opened.failed()) {
                    emitter.fail(failed.apply(opened.cause()));
                    return;
                }
                HttpClientRequest request = opened.result();
                inFlight.set(request);
                if (ended.get()) {
                    // Called off while waiting for a connection: never sent, the connection goes back at once.
                    request.reset();
                    return;
                }
                request.send(body).onComplete(sent -> {
                    if (sent.failed()) {
                        emitter.fail(failed.apply(sent.cause()));
                    } else {
                        readBounded(sent.result(), request, maxBytes, emitter, answered, failed, tooLarge);
                    }
                });
            });
        });
    }

    private static void readBounded(HttpClientResponse response, HttpClientRequest request, long maxBytes,
            UniEmitter<? super Answer> emitter, AtomicBoolean answered, Function<Throwable, RuntimeException> failed,
            Supplier<RuntimeException> tooLarge) {
        String declaredLength = response.getHeader("Content-Length");
        if (declaredLength != null && parseLength(declaredLength) > maxBytes) {
            request.reset();
            emitter.fail(tooLarge.get());
            return;
        }
        Buffer received = Buffer.buffer();
        AtomicBoolean aborted = new AtomicBoolean();
        response.handler(chunk -> {
            if (aborted.get()) {
                return;
            }
            if (received.length() + chunk.length() > maxBytes) {
                aborted.set(true);
                request.reset();
                emitter.fail(tooLarge.get());
                return;
            }
            received.appendBuffer(chunk);
        });
        response.exceptionHandler(error -> {
            if (aborted.compareAndSet(false, true)) {
                emitter.fail(failed.apply(error));
            }
        });
        response.endHandler(done -> {
            if (!aborted.get()) {
                answered.set(true);
                emitter.complete(new Answer(response.statusCode(), response.headers(), received.getBytes()));
            }
        });
    }

    /** An unreadable length is no length: the cap still holds while reading. */
    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
