package dev.warden.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.netty.util.NetUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;

import dev.warden.net.CheckedAddresses;
import dev.warden.net.HostResolver;
import dev.warden.net.TestCertificate;
import dev.warden.spi.ContentPart;
import dev.warden.spi.FetchedMedia;
import dev.warden.spi.ProviderException;

/**
 * The core's media fetcher against a real image host (WireMock, http and https with its self-signed certificate) and
 * a resolver that maps names to the addresses an attacker would choose, so no DNS query leaves the machine.
 */
class BoundedMediaFetcherTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final long CORE_CAP = 64 * 1024;
    private static final Set<String> PNG_ONLY = Set.of("image/png");
    private static final Set<String> COMMON = Set.of("image/png", "image/jpeg");
    private static final byte[] PNG = png(200);
    /** Resolved by {@link MappedNames}, listed in allowed-hosts. */
    private static final String LISTED = "images.media.test";
    private static final Map<String, List<String>> NAMES = Map.of(
            LISTED, List.of("127.0.0.1"),
            "impostor.media.test", List.of("127.0.0.1"),
            "metadata.media.test", List.of("169.254.169.254"),
            "private.media.test", List.of("10.0.0.7"),
            "split.media.test", List.of("93.184.216.34", "192.168.1.1"));

    @TempDir
    static Path directory;
    private static TestCertificate certificate;

    private final Vertx vertx = Vertx.vertx();
    private final MappedNames resolver = new MappedNames();
    private WireMockServer host;
    private BoundedMediaFetcher fetcher;

    /** A certificate for {@link #LISTED} only, which the fetcher trusts as if a public CA had signed it. */
    @BeforeAll
    static void certificate() throws Exception {
        certificate = TestCertificate.create(directory, LISTED);
    }

    @BeforeEach
    void start() {
        host = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort().keystorePath(certificate.keyStore()
                .toString()).keystoreType("PKCS12").keystorePassword(TestCertificate.PASSWORD)
                .keyManagerPassword(TestCertificate.PASSWORD));
        host.start();
        fetcher = new BoundedMediaFetcher(vertx, new CheckedAddresses(resolver),
                new MediaSettings(CORE_CAP, TIMEOUT, Set.of(LISTED, "impostor.media.test", "metadata.media.test")),
                new HttpClientOptions().setTrustOptions(certificate.trust()));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        host.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void fetchesAnImageFromTheAddressItCheckedNamingTheHost() {
        serve("/cat.png", aResponse().withHeader("Content-Type", "image/png").withBody(PNG));

        FetchedMedia media = fetch("http://" + LISTED + ":" + host.port() + "/cat.png", PNG_ONLY);

        assertThat(media.bytes()).isEqualTo(PNG);
        assertThat(media.contentType()).isEqualTo("image/png");
        assertThat(resolver.asked()).containsExactly(LISTED);
        host.verify(getRequestedFor(urlEqualTo("/cat.png")).withHeader("Host",
                equalTo(LISTED + ":" + host.port())));
    }

    @Test
    void fetchesOverHttpsWithAServerCertificateTheClientTrusts() {
        serve("/cat.jpg", aResponse().withHeader("Content-Type", "image/jpeg; charset=binary").withBody(JPEG));

        FetchedMedia media = fetch("https://" + LISTED + ":" + host.httpsPort() + "/cat.jpg", COMMON);

        assertThat(media.contentType()).isEqualTo("image/jpeg");
        assertThat(media.bytes()).isEqualTo(JPEG);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        serve("/cat.png", aResponse().withHeader("Content-Type", "image/png").withBody(PNG));

        assertRefused("https://impostor.media.test:" + host.httpsPort() + "/cat.png", PNG_ONLY,
                "could not be fetched: image host unreachable (TLS handshake failed)");
        assertThat(host.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http to a host not listed              | http://example.com/cat.png             | must use https",
            "loopback literal not listed            | https://127.0.0.1:{port}/cat.png       | leads to a loopback address; only a host listed exactly",
            "private literal                        | https://10.1.2.3/cat.png               | leads to a private address",
            "IPv6 loopback                          | https://[::1]:{port}/cat.png           | leads to a loopback address",
            "name resolving to a private address    | https://private.media.test/cat.png     | leads to a private address",
            "one of two addresses private           | https://split.media.test/cat.png       | leads to a private address",
            "metadata even when listed              | http://metadata.media.test/latest      | leads to a cloud metadata address, which Warden never calls",
            "metadata literal                       | https://169.254.169.254/latest         | leads to a cloud metadata address",
            "IPv4 in hexadecimal                    | https://0x7f.0.0.1/cat.png             | must be an absolute https URL with a host",
            "user information                       | https://user:pw@images.example/cat.png | must not contain user information",
            "not a URL                              | https://exa mple.com/cat.png           | is not a valid URL",
            "unknown host                           | https://nowhere.media.test/cat.png     | names an unknown host",
            "not absolute                           | /cat.png                               | must be an absolute https URL" })
    void refusesAddressesTheCallbackRulesRefuseWithoutConnecting(String name, String url, String reason) {
        String withPort = url.replace("{port}", Integer.toString(host.port()));

        assertRefused(withPort, PNG_ONLY, reason);

        assertThat(host.getAllServeEvents()).isEmpty();
    }

    @Test
    void doesNotFollowRedirects() {
        serve("/moved.png", aResponse().withStatus(302).withHeader("Location", "http://169.254.169.254/latest"));

        assertRefused(listed("/moved.png"), PNG_ONLY, "redirects, and redirects are not followed");
        assertThat(host.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aFailedStatusIsTheCallersProblem() {
        serve("/gone.png", aResponse().withStatus(404));

        assertRefused(listed("/gone.png"), PNG_ONLY, "answered HTTP 404");
    }

    @Test
    void anImageDeclaredLargerThanTheVendorTakesIsNotRead() {
        serve("/big.png", aResponse().withHeader("Content-Type", "image/png").withBody(png(2000)));

        assertThatThrownBy(() -> fetcher.fetch(new ContentPart.Image(listed("/big.png")), 1000, PNG_ONLY)
                .await().atMost(GENEROUS))
                .isInstanceOfSatisfying(ProviderException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
                    assertThat(refused.getMessage()).contains("more than 1000 bytes");
                });
    }

    @Test
    void aChunkedImageIsCutOffAtTheCoresCapWhateverTheVendorTakes() {
        serve("/endless.png", aResponse().withHeader("Content-Type", "image/png").withBody(png((int) CORE_CAP * 2))
                .withChunkedDribbleDelay(8, 100));

        assertThatThrownBy(() -> fetcher.fetch(new ContentPart.Image(listed("/endless.png")), Long.MAX_VALUE,
                PNG_ONLY).await().atMost(GENEROUS))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("more than " + CORE_CAP + " bytes");
        assertThat(host.getAllServeEvents().get(0).getResponse().getHeaders().getHeader("Content-Length")
                .isPresent()).isFalse();
    }

    @Test
    void aSlowHostRunsOutOfTime() {
        serve("/slow.png", aResponse().withHeader("Content-Type", "image/png").withBody(PNG).withFixedDelay(8000));

        assertRefused(listed("/slow.png"), PNG_ONLY, "gave no image within 3000 ms");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "HTML labelled as PNG        | <html>hello</html> | image/png  | does not lead to an image of a known format",
            "PNG labelled as JPEG        | PNG                | image/jpeg | answered a Content-Type that its bytes (image/png) do not match",
            "PNG labelled as text        | PNG                | text/plain | answered a Content-Type that its bytes (image/png) do not match",
            "GIF the vendor does not take| GIF89a-and-more    | image/gif  | leads to image/gif, which this vendor does not take" })
    void theBytesMustBeAnImageOfTheDeclaredAndAcceptedType(String name, String body, String declared,
            String reason) {
        serve("/file", aResponse().withHeader("Content-Type", declared)
                .withBody(body.equals("PNG") ? PNG : body.getBytes()));

        assertRefused(listed("/file"), COMMON, reason);
    }

    @Test
    void anImageWithoutAContentTypeIsRefused() {
        serve("/bare", aResponse().withBody(PNG));

        assertRefused(listed("/bare"), PNG_ONLY, "answered a Content-Type that its bytes (image/png) do not match");
    }

    @Test
    void cancellingTheFetchClosesTheConnection() throws Exception {
        try (StalledVendor stalled = new StalledVendor()) {
            String url = stalled.baseUrl().replace("localhost", LISTED) + "/cat.png";
            Cancellable fetch = fetcher.fetch(new ContentPart.Image(url), CORE_CAP, PNG_ONLY).subscribe()
                    .with(media -> {
                    }, failure -> {
                    });
            await().atMost(GENEROUS).until(() -> stalled.requests() == 1);

            fetch.cancel();

            await().atMost(GENEROUS).until(() -> stalled.closedByClient() == 1);
        }
    }

    @Test
    void allowedHostsAreCheckedAtStartUp() {
        assertThatThrownBy(() -> MediaSettings.canonical(List.of("http://127.0.0.1:8080")))
                .hasMessageContaining("warden.media.allowed-hosts: 'http://127.0.0.1:8080'");
        assertThat(MediaSettings.canonical(List.of(" LocalHost. ", "[0:0::1]"))).containsExactlyInAnyOrder(
                "localhost", "[::1]");
    }

    private FetchedMedia fetch(String url, Set<String> accepted) {
        return fetcher.fetch(new ContentPart.Image(url), CORE_CAP, accepted).await().atMost(GENEROUS);
    }

    private void assertRefused(String url, Set<String> accepted, String reason) {
        assertThatThrownBy(() -> fetch(url, accepted)).isInstanceOfSatisfying(ProviderException.class, refused -> {
            assertThat(refused.kind()).isEqualTo(ProviderException.Kind.BAD_REQUEST);
            assertThat(refused.getMessage()).startsWith("the image URL ").contains(reason)
                    .doesNotContain(url).doesNotContain(".media.test").doesNotContain("/cat.png")
                    .doesNotContain(Integer.toString(host.port()));
            assertThat(refused.getCause()).isNull();
        });
    }

    private String listed(String path) {
        return "http://" + LISTED + ":" + host.port() + path;
    }

    private void serve(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        host.stubFor(get(urlEqualTo(path)).willReturn(answer));
    }

    private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I',
            'F', 0 };

    private static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        Arrays.fill(bytes, signature.length, size, (byte) 7);
        return bytes;
    }

    /** Names in {@link #NAMES} only; every other name fails as DNS does for a name that does not exist. */
    private static final class MappedNames implements HostResolver {

        private final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public Uni<List<InetAddress>> resolve(String name) {
            asked.add(name);
            List<String> addresses = NAMES.get(name);
            if (addresses == null) {
                return Uni.createFrom().failure(new UnknownHostException(name));
            }
            return Uni.createFrom().item(() -> addresses.stream()
                    .map(text -> address(NetUtil.createByteArrayFromIpAddressString(text))).toList());
        }

        List<String> asked() {
            return List.copyOf(asked);
        }

        private static InetAddress address(byte[] bytes) {
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
