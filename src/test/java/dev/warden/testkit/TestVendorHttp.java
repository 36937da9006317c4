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
 * refused something before touching the network, and counting exchanges in flight and cancelled so it can prove an
 * adapter composed on {@link #send}'s {@code Uni} (cancelling the adapter's {@code Uni} aborts the exchange).
 */
public final class TestVendorHttp implements VendorHttp, AutoCloseable {

    public static final long MAX_RESPONSE_BYTES = 1024 * 1024;

    private final Vertx vertx;
    private final VertxVendorHttp transport;
    private final VendorHttp delegate;
    private final Counters counters;

    private record Counters(AtomicInteger requests, AtomicInteger open, AtomicInteger cancelled) {
    }

    public TestVendorHttp() {
        this.vertx = Vertx.vertx();
        this.transport = new VertxVendorHttp(vertx, Duration.ofSeconds(2), Duration.ofSeconds(30), 16,
                MAX_RESPONSE_BYTES);
        this.delegate = transport;
        this.counters = new Counters(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
    }

    private TestVendorHttp(TestVendorHttp parent, VendorHttp limited) {
        this.vertx = parent.vertx;
        this.transport = parent.transport;
        this.delegate = limited;
        this.counters = parent.counters;
    }

    @Override
    public Uni<VendorResponse> send(VendorRequest request) {
        counters.requests().incrementAndGet();
        return delegate.send(request)
                .onSubscription().invoke(() -> counters.open().incrementAndGet())
                .onTermination().invoke((response, failure, cancelled) -> {
                    counters.open().decrementAndGet();
                    if (cancelled) {
                        counters.cancelled().incrementAndGet();
                    }
                });
    }

    /** A view with the production transport's attempt limit, sharing this one's counters. */
    @Override
    public VendorHttp limitedTo(Duration attemptTimeout) {
        return new TestVendorHttp(this, transport.limitedTo(attemptTimeout));
    }

    /** Requests adapters asked to send, subscribed or not. */
    public int requests() {
        return counters.requests().get();
    }

    /** Exchanges subscribed to and not yet answered, failed or cancelled. */
    public int openExchanges() {
        return counters.open().get();
    }

    /** Exchanges ended by their subscriber's cancellation. */
    public int cancelledExchanges() {
        return counters.cancelled().get();
    }

    @Override
    public void close() {
        transport.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
