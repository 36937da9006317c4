package dev.warden.testkit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import dev.warden.providers.VertxVendorHttp;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.VendorResponse;

/**
 * The production HTTP transport on a private Vert.x instance, counting requests so a test can prove that an adapter
 * refused something before touching the network.
 */
public final class TestVendorHttp implements VendorHttp, AutoCloseable {

    public static final long MAX_RESPONSE_BYTES = 1024 * 1024;

    private final Vertx vertx = Vertx.vertx();
    private final VertxVendorHttp delegate = new VertxVendorHttp(vertx, Duration.ofSeconds(2), Duration.ofSeconds(30), 16,
            MAX_RESPONSE_BYTES);
    private final AtomicInteger requests = new AtomicInteger();

    @Override
    public Uni<VendorResponse> send(VendorRequest request) {
        requests.incrementAndGet();
        return delegate.send(request);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        delegate.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
