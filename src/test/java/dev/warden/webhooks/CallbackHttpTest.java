package dev.warden.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

import dev.warden.net.TestCertificate;
import dev.warden.spi.ProviderException;

/**
 * Connecting to the checked address must not weaken TLS: the connection goes to the address, but SNI and the
 * certificate check use the receiver's name. A TLS receiver on loopback holds a certificate for
 * {@code receiver.callback.test} only (not for 127.0.0.1), made with the JDK's keytool. And an IPv6 literal, listed
 * exactly, is called with a well-formed {@code Host} header.
 */
class CallbackHttpTest {

    private static final String NAME = "receiver.callback.test";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path directory;

    static Vertx vertx;
    static HttpServer server;
    static CallbackHttp http;
    static final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    static final List<String> serverNames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTlsReceiver() throws Exception {
        TestCertificate certificate = TestCertificate.create(directory, NAME);
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(new PfxOptions().setPath(certificate.keyStore().toString())
                        .setPassword(TestCertificate.PASSWORD)))
                .requestHandler(request -> {
                    hostHeaders.add(request.getHeader("Host"));
                    serverNames.add(String.valueOf(request.connection().indicatedServerName()));
                    request.response().setStatusCode(204).end();
                });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(),
                TimeUnit.SECONDS);
        http = new CallbackHttp(vertx, CallbackSettings.from(Configs.callbacks(Map.of())),
                new HttpClientOptions().setTrustOptions(certificate.trust()));
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static ReceiverAnswer post(String host) {
        CallbackUrl url = CallbackUrl.parse("https://" + host + ":" + server.actualPort() + "/hooks");
        return http.post(url, InetAddress.getLoopbackAddress(), Map.of("content-type", "application/json"),
                Buffer.buffer("{}")).await().atMost(WAIT);
    }

    @Test
    void connectsToTheCheckedAddressButSpeaksTlsToTheName() {
        ReceiverAnswer answer = post(NAME);

        assertThat(answer.status()).isEqualTo(204);
        assertThat(hostHeaders).last().isEqualTo(NAME + ":" + server.actualPort());
        assertThat(serverNames).last().isEqualTo(NAME);
    }

    @Test
    void anIpv6LiteralIsCalledWithABracketedHost() throws Exception {
        List<String> hosts = new CopyOnWriteArrayList<>();
        HttpServer plain = vertx.createHttpServer().requestHandler(request -> {
            hosts.add(request.getHeader("Host"));
            request.response().setStatusCode(200).end();
        });
        plain.listen(0, "::1").toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            CallbackUrl url = CallbackUrl.parse("http://[0:0::1]:" + plain.actualPort() + "/hooks");

            ReceiverAnswer answer = http.post(url, url.host().literal().orElseThrow(), Map.of(), Buffer.buffer("{}"))
                    .await().atMost(WAIT);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(hosts).containsExactly("[::1]:" + plain.actualPort());
        } finally {
            plain.close();
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        int before = hostHeaders.size();

        Throwable failure = catchThrowable(() -> post("impostor.callback.test"));

        assertThat(failure).isInstanceOfSatisfying(ProviderException.class,
                vendor -> assertThat(vendor).hasMessage("receiver unreachable (TLS handshake failed)"));
        assertThat(hostHeaders).hasSize(before);
    }
}
