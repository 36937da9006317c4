package dev.warden.reports.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;

import dev.warden.net.CheckedAddresses;
import dev.warden.net.HostResolver;
import dev.warden.providers.EvidenceFetcher;
import dev.warden.providers.EvidenceRefused;
import dev.warden.spi.ProviderException;
import dev.warden.spi.reporting.EvidenceFile;
import dev.warden.spi.reporting.EvidenceRef;

/**
 * The evidence fetcher on the media fetcher's rules (https unless listed, checked addresses, no redirects, a cap)
 * with any content type, hashes computed and checked. What the caller's URL or bytes cause is refused for good; what
 * the evidence host's health causes is retryable. No message repeats the URL or its host.
 */
class EvidenceFetcherTest {

    private static final byte[] BYTES = "a video, say".getBytes(StandardCharsets.UTF_8);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, String> NAMES = Map.of("metadata.evidence.test", "169.254.169.254",
            "private.evidence.test", "10.0.0.9");

    private final Vertx vertx = Vertx.vertx();
    private WireMockServer host;
    private EvidenceFetcher fetcher;

    @BeforeEach
    void start() {
        host = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        host.start();
        HostResolver resolver = name -> NAMES.containsKey(name)
                ? Uni.createFrom().item(() -> List.of(address(NAMES.get(name))))
                : Uni.createFrom().failure(new UnknownHostException(name));
        fetcher = new EvidenceFetcher(vertx, new CheckedAddresses(resolver), 64, TIMEOUT,
                Set.of("127.0.0.1", "metadata.evidence.test"), new HttpClientOptions());
    }

    @AfterEach
    void stop() {
        host.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void fetchesAnyTypeAndHashesTheBytes() throws Exception {
        serve("/v.mp4", aResponse().withHeader("Content-Type", "video/mp4; codecs=x").withBody(BYTES));

        EvidenceFile file = fetch(ref("/v.mp4", Optional.of(hex("SHA-256")), Optional.of(hex("MD5").toUpperCase())));

        assertThat(file.bytes()).isEqualTo(BYTES);
        assertThat(file.contentType()).isEqualTo("video/mp4");
        assertThat(file.sha256()).isEqualTo(hex("SHA-256"));
        assertThat(file.md5()).isEqualTo(hex("MD5"));
    }

    @Test
    void bytesThatDoNotMatchTheReportsHashesAreRefused() {
        serve("/v.mp4", aResponse().withBody(BYTES));

        assertRefused(ref("/v.mp4", Optional.of("0".repeat(64)), Optional.empty()),
                "evidence file 3: its bytes do not match the report's sha256");
        assertRefused(ref("/v.mp4", Optional.empty(), Optional.of("0".repeat(32))),
                "evidence file 3: its bytes do not match the report's md5");
    }

    @Test
    void aMissingFileARedirectAndATooLargeFileAreRefusedForGood() {
        serve("/gone", aResponse().withStatus(404));
        serve("/moved", aResponse().withStatus(302).withHeader("Location", "http://169.254.169.254/"));
        serve("/big", aResponse().withBody(new byte[65]));

        assertRefused(ref("/gone"), "evidence file 3: the evidence host answered HTTP 404");
        assertRefused(ref("/moved"), "evidence file 3: the URL redirects, and redirects are not followed");
        assertRefused(ref("/big"), "evidence file 3: more than 64 bytes");
    }

    @Test
    void urlsOutsideTheRulesAreRefusedWithoutNamingThem() {
        assertRefused(new EvidenceRef(0, "http://evidence.example/x.jpg", "x", Optional.empty(), Optional.empty()),
                "evidence file 0: the URL must use https");
        assertRefused(new EvidenceRef(0, "https://metadata.evidence.test/x", "x", Optional.empty(),
                Optional.empty()), "evidence file 0: the URL leads to a cloud metadata address, which Warden never"
                        + " calls");
        assertRefused(new EvidenceRef(0, "https://private.evidence.test/x", "x", Optional.empty(),
                Optional.empty()), "evidence file 0: the URL leads to a private address; only a host listed exactly"
                        + " in warden.reports.allowed-hosts may");
    }

    @Test
    void anEvidenceHostInTroubleIsRetryable() {
        serve("/busy", aResponse().withStatus(503));
        serve("/reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        serve("/slow", aResponse().withBody(BYTES).withFixedDelay((int) TIMEOUT.multipliedBy(2).toMillis()));

        assertRetryable(ref("/busy"), ProviderException.Kind.UNAVAILABLE);
        assertRetryable(ref("/reset"), ProviderException.Kind.UNAVAILABLE);
        assertRetryable(ref("/slow"), ProviderException.Kind.TIMEOUT);
    }

    private void assertRefused(EvidenceRef ref, String message) {
        assertThatThrownBy(() -> fetch(ref)).isInstanceOfSatisfying(EvidenceRefused.class, refused -> {
            assertThat(refused.getMessage()).isEqualTo(message);
            assertThat(refused.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
        });
    }

    private void assertRetryable(EvidenceRef ref, ProviderException.Kind kind) {
        assertThatThrownBy(() -> fetch(ref)).isInstanceOfSatisfying(ProviderException.class, failure -> {
            assertThat(failure).isNotInstanceOf(EvidenceRefused.class);
            assertThat(failure.kind()).isEqualTo(kind);
            assertThat(failure.kind().retryable()).isTrue();
            assertThat(failure.getMessage()).startsWith("evidence file 3: ").doesNotContain("127.0.0.1");
        });
    }

    private EvidenceFile fetch(EvidenceRef ref) {
        return fetcher.fetch(ref).await().atMost(TIMEOUT.multipliedBy(3));
    }

    private EvidenceRef ref(String path) {
        return ref(path, Optional.empty(), Optional.empty());
    }

    private EvidenceRef ref(String path, Optional<String> sha256, Optional<String> md5) {
        return new EvidenceRef(3, "http://127.0.0.1:" + host.port() + path, "f", sha256, md5);
    }

    private void serve(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        host.stubFor(get(urlEqualTo(path)).willReturn(answer));
    }

    private static String hex(String algorithm) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(BYTES));
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
