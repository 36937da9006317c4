package dev.warden.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import dev.warden.spi.ProviderException;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;

/**
 * The vendor transport against a vendor that never answers (nothing may hold a connection or send late), and against
 * one that answers (its kept-alive connection serves the next call).
 */
class VertxVendorHttpTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final StalledVendor vendor = new StalledVendor();
    /** One connection per vendor, so a second call must wait for the first one's. */
    private final VertxVendorHttp http = new VertxVendorHttp(vertx, Duration.ofSeconds(5), Duration.ofSeconds(30), 1,
            1024 * 1024);

    @AfterEach
    void close() throws Exception {
        http.close();
        vendor.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aStalledVendorIsCutOffByTheAttemptsIdleTimeout() {
        AtomicReference<Throwable> failure = new AtomicReference<>();

        http.limitedTo(Duration.ofMillis(300)).send(request()).subscribe().with(response -> {
        }, failure::set);

        await().atMost(GENEROUS).untilAtomic(failure, notNullValue());
        assertThat(failure.get()).isInstanceOfSatisfying(ProviderException.class,
                vendorFailure -> assertThat(vendorFailure.kind()).isEqualTo(ProviderException.Kind.TIMEOUT));
        await().atMost(GENEROUS).until(() -> vendor.closedByClient() == 1);
    }

    @Test
    void cancellingAnExchangeClosesItsConnection() {
        Cancellable exchange = http.send(request()).subscribe().with(response -> {
        });
        await().atMost(GENEROUS).until(() -> vendor.requests() == 1);

        exchange.cancel();

        await().atMost(GENEROUS).until(() -> vendor.closedByClient() == 1);
    }

    @Test
    void aCallCancelledWhileWaitingForAConnectionIsNeverSent() {
        Cancellable first = http.send(request()).subscribe().with(response -> {
        });
        await().atMost(GENEROUS).until(() -> vendor.requests() == 1);
        Cancellable waiting = http.send(request()).subscribe().with(response -> {
        });

        waiting.cancel();
        first.cancel();

        await().atMost(GENEROUS).until(() -> vendor.closedByClient() >= 1);
        await().during(Duration.ofSeconds(1)).atMost(GENEROUS).until(() -> vendor.requests() == 1);
    }

    @Test
    void viewsShareOnePoolOfConnections() {
        VendorHttp limited = http.limitedTo(Duration.ofSeconds(1));
        Cancellable first = limited.send(request()).subscribe().with(response -> {
        });
        await().atMost(GENEROUS).until(() -> vendor.requests() == 1);

        http.send(request()).subscribe().with(response -> {
        });

        await().during(Duration.ofMillis(500)).atMost(GENEROUS).until(() -> vendor.requests() == 1);
        first.cancel();
        await().atMost(GENEROUS).until(() -> vendor.requests() == 2);
    }

    @Test
    void answeredCallsReuseOneKeptAliveConnection() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        HttpServer answering = vertx.createHttpServer()
                .connectionHandler(connection -> {
                    connections.incrementAndGet();
                    connection.closeHandler(ignored -> closed.incrementAndGet());
                })
                .requestHandler(request -> request.response().end("{\"results\":[]}"));
        int port = answering.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .actualPort();
        VendorRequest call = VendorRequest.postJson(URI.create("http://localhost:" + port + "/v1/moderations"),
                Map.of(), "{}".getBytes());

        for (int i = 0; i < 3; i++) {
            assertThat(http.send(call).await().atMost(GENEROUS).status()).isEqualTo(200);
        }

        assertThat(connections).hasValue(1);
        assertThat(closed).hasValue(0);
    }

    private VendorRequest request() {
        return VendorRequest.postJson(URI.create(vendor.baseUrl() + "/v1/moderations"), Map.of(), "{}".getBytes());
    }
}
