package dev.warden.bench.loadgen;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Owns the Vert.x instance and HTTP client, and runs phases on their single event loop on behalf of the
 * (blocking) calling thread. One event loop keeps all bookkeeping single-threaded and leaves the other core
 * to the target when both share a small machine.
 */
final class LoadDriver implements PhaseRunner, AutoCloseable {

    private final Vertx vertx;
    private final HttpClient client;
    private final Context eventLoop;
    private final TargetRequest target;
    private final String label;
    private final Duration timeout;

    LoadDriver(TargetRequest target, String label, int connections, Duration timeout) {
        this.target = target;
        this.label = label;
        this.timeout = timeout;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                // no file serving here; skip the classpath cache directory Vert.x would otherwise create
                .setFileSystemOptions(new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())),
                // requests beyond the pool size wait in the client's queue, and that wait counts as latency
                new PoolOptions().setHttp1MaxSize(connections));
        this.eventLoop = vertx.getOrCreateContext();
    }

    /**
     * Sends the request once and waits for any HTTP response.
     *
     * @return the status code, which the caller may warn about; only the absence of a response is fatal
     */
    int probe() throws TargetUnreachableException {
        long timeoutMs = timeout.toMillis();
        try {
            return onEventLoop(() -> client.request(target.newRequestOptions()
                            .setConnectTimeout(timeoutMs)
                            .setIdleTimeout(timeoutMs))
                    .compose(request -> request.send(target.body()))
                    .compose(response -> response.end().map(ignored -> response.statusCode())));
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String reason = cause.getMessage() != null ? cause.getMessage() : cause.toString();
            throw new TargetUnreachableException("cannot reach " + target.url() + ": " + reason);
        }
    }

    @Override
    public RunStats run(double ratePerSecond, Duration duration) {
        Phase phase = new Phase(vertx, client, target, ratePerSecond, duration, timeout);
        return onEventLoop(phase::start).summarize(label, target.url());
    }

    private <T> T onEventLoop(Supplier<Future<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        eventLoop.runOnContext(ignored -> {
            try {
                action.get().onComplete(outcome -> {
                    if (outcome.succeeded()) {
                        result.complete(outcome.result());
                    } else {
                        result.completeExceptionally(outcome.cause());
                    }
                });
            } catch (RuntimeException e) {
                // Vert.x would only log it, leaving the waiting caller blocked forever
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
