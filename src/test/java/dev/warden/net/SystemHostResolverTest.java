package dev.warden.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** The default resolver asks the system; here {@code /etc/hosts}, so no packet leaves the machine. */
class SystemHostResolverTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void resolvesLocalNamesWhenAskedOnTheEventLoop() throws Exception {
        SystemHostResolver resolver = new SystemHostResolver(vertx);
        CompletableFuture<List<InetAddress>> resolved = new CompletableFuture<>();
        CompletableFuture<Boolean> askedOnEventLoop = new CompletableFuture<>();

        vertx.runOnContext(onEventLoop -> {
            askedOnEventLoop.complete(Vertx.currentContext().isEventLoopContext());
            resolver.resolve("localhost").subscribe().with(resolved::complete, resolved::completeExceptionally);
        });

        assertThat(askedOnEventLoop.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(resolved.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotEmpty()
                .allSatisfy(address -> assertThat(address.isLoopbackAddress()).isTrue());
    }
}
