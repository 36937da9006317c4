package dev.warden.bench.loadgen.backbone;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The healthy caller endpoint the backbone delivers to: a Vert.x server on loopback, one event loop, that checks each
 * callback's Standard Webhooks signature (a delivery that would not verify is not a delivery), answers 204 and notes,
 * on the same clock as the enqueuer (System.nanoTime, one JVM), when each outbox row's first successful request
 * arrived. The row's id is the {@code webhook-id} after {@code msg_}.
 */
final class CallbackSink implements AutoCloseable {

    private static final String ID_PREFIX = "msg_";

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    /** Used on the one event loop only. */
    private final Mac mac;
    private final Map<UUID, Long> firstReceipt = new ConcurrentHashMap<>();
    private final AtomicLong repeated = new AtomicLong();
    private final AtomicLong unverified = new AtomicLong();
    private final HttpServer server;

    CallbackSink(int port, String secret) {
        byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        this.server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    /** System.nanoTime when the row's callback first arrived, or null. */
    Long receivedAt(UUID row) {
        return firstReceipt.get(row);
    }

    long received(Iterable<UUID> rows) {
        long count = 0;
        for (UUID row : rows) {
            if (firstReceipt.containsKey(row)) {
                count++;
            }
        }
        return count;
    }

    /** Requests for a row that had already arrived: at-least-once redeliveries. */
    long repeated() {
        return repeated.get();
    }

    /** Requests whose signature did not verify (answered 401, not counted as received). */
    long unverified() {
        return unverified.get();
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            long now = System.nanoTime();
            String id = request.getHeader("webhook-id");
            if (id == null || !id.startsWith(ID_PREFIX) || !verifies(id, request.getHeader("webhook-timestamp"),
                    request.getHeader("webhook-signature"), body)) {
                unverified.incrementAndGet();
                request.response().setStatusCode(401).end();
                return;
            }
            if (firstReceipt.putIfAbsent(UUID.fromString(id.substring(ID_PREFIX.length())), now) != null) {
                repeated.incrementAndGet();
            }
            request.response().setStatusCode(204).end();
        });
    }

    private boolean verifies(String id, String timestamp, String signatures, Buffer body) {
        if (timestamp == null || signatures == null) {
            return false;
        }
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes())))
                .getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures.split(" ")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
