package dev.warden.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.StreamResetException;

import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.VendorRequest;
import dev.warden.testkit.TestVendorHttp;

/** Transport failures reach callers as fixed phrases: no host, no port, no exception text. */
class TransportFailuresTest {

    @RegisterExtension
    static final WireMockExtension VENDOR = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private static final TestVendorHttp HTTP = new TestVendorHttp();

    @AfterAll
    static void closeHttp() {
        HTTP.close();
    }

    @Test
    void aClosedPortIsARefusedConnection() {
        ProviderException failure = failure("http://127.0.0.1:1/v1/moderations");

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure).hasMessage("vendor unreachable (connection refused)");
    }

    @Test
    void aHostThatDoesNotResolveIsAnUnknownHost() {
        ProviderException failure = failure("http://vendor.invalid/v1/moderations");

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure).hasMessage("vendor unreachable (unknown host)");
    }

    @Test
    void aResetConnectionSaysSo() {
        assertThat(vendorFailure(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)))
                .hasMessage("connection reset");
    }

    @Test
    void aConnectionClosedBeforeTheAnswerSaysSo() {
        assertThat(vendorFailure(aResponse().withFault(Fault.EMPTY_RESPONSE)))
                .hasMessage("connection closed by the vendor");
    }

    @Test
    void tlsToAPlainHttpServerIsAFailedHandshake() {
        assertThat(failure(VENDOR.baseUrl().replace("http:", "https:") + "/v1/moderations"))
                .hasMessage("vendor unreachable (TLS handshake failed)");
    }

    @Test
    void anOversizedAnswerNamesTheLimitOnly() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        ProviderException failure = vendorFailure(aResponse().withStatus(200).withBody(twoMegabytes));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(failure).hasMessage("response exceeds " + TestVendorHttp.MAX_RESPONSE_BYTES + " bytes");
    }

    @Test
    void aWrappedCauseIsFoundAndASubclassWinsOverItsParent() {
        assertThat(TransportFailures.phrase(new RuntimeException(new ConnectTimeoutException("to 10.0.0.1:443"))))
                .isEqualTo("vendor unreachable (connect timeout)");
        assertThat(TransportFailures.phrase(new ConnectException("Connection refused: /10.0.0.1:443")))
                .isEqualTo("vendor unreachable (connection refused)");
        assertThat(TransportFailures.phrase(new TimeoutException("exceeded while executing POST for server a:1")))
                .isEqualTo("no answer in time");
        assertThat(TransportFailures.phrase(new StreamResetException(2))).isEqualTo("stream reset by the vendor");
    }

    @Test
    void anythingElseIsAPlainConnectionFailure() {
        assertThat(TransportFailures.phrase(new IllegalStateException("pool closed for a.example:443")))
                .isEqualTo(TransportFailures.UNKNOWN);
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(TransportFailures.phrase(first)).isEqualTo(TransportFailures.UNKNOWN);
    }

    private ProviderException vendorFailure(ResponseDefinitionBuilder answer) {
        VENDOR.stubFor(post(anyUrl()).willReturn(answer));
        return failure(VENDOR.baseUrl() + "/v1/moderations");
    }

    /** Every failure is also checked for what no transport message may say. */
    private ProviderException failure(String url) {
        URI uri = URI.create(url);
        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> HTTP.send(VendorRequest
                .postJson(uri, Map.of(), "{}".getBytes(StandardCharsets.UTF_8))).await()
                .atMost(Duration.ofSeconds(20)));
        assertThat(failure).as("a ProviderException").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(uri.getHost()).doesNotContain("Exception")
                .doesNotContain(":").doesNotContainPattern("\\b" + uri.getPort() + "\\b");
        return failure;
    }
}
