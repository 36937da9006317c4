package dev.warden.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.work.AttemptResult;
import dev.warden.work.WorkItem;

/**
 * Where a delivery may connect. Hostile names are resolved by {@link MappedHostResolver} to metadata, private,
 * unique-local and loopback addresses; every refusal must come before any connection. The receiver listens on
 * loopback at the port the URLs name, so a refusal that came too late would show up there as a request.
 */
@QuarkusTest
class CallbackSsrfTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static WireMockServer receiver;

    @Inject
    CallbackDelivery delivery;

    @Inject
    MappedHostResolver resolver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(wireMockConfig().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void reset() {
        receiver.resetAll();
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
        resolver.forget();
    }

    private AttemptResult attempt(String client, String url) {
        WorkItem item = CallbackDeliveryTest.callback(client, url);
        return delivery.attempt(item).await().atMost(WAIT);
    }

    private String on(String host) {
        return "http://" + host + ":" + receiver.port() + "/hooks";
    }

    private void assertNoConnection() {
        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).as("requests that reached the receiver").isEmpty();
    }

    @Test
    void anExactlyListedNameIsCalledAtTheAddressItResolvedToUnderItsOwnName() {
        AttemptResult result = attempt(CallbackDeliveryTest.TESTER, on("receiver.callback.test"));

        assertThat(result).isEqualTo(new AttemptResult.Done(Optional.of(200)));
        assertThat(resolver.asked()).containsExactly("receiver.callback.test");
        assertThat(receiver.findAll(anyRequestedFor(anyUrl()))).singleElement()
                .satisfies(request -> assertThat(request.getHeader("Host"))
                        .isEqualTo("receiver.callback.test:" + receiver.port()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "metadata.callback.test      | resolves to a cloud metadata address (169.254.169.254), which Warden never calls",
            "rebind.callback.test        | resolves to a cloud metadata address (169.254.169.254)",
            "private.wild.callback.test  | resolves to a private address (10.0.0.1); only a host listed exactly",
            "ula.wild.callback.test      | resolves to a unique-local address (fd00:0:0:0:0:0:0:1)",
            "loopback.wild.callback.test | resolves to a loopback address (127.0.0.1); only a host listed exactly",
            "mapped.wild.callback.test   | resolves to a cloud metadata address",
            "aws-v6.wild.callback.test   | resolves to a cloud metadata address" })
    void aHostResolvingToAnAddressItMayNotReachStopsBeforeAnyConnection(String host, String reason) {
        AttemptResult result = attempt(CallbackDeliveryTest.TESTER, on(host));

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Stop.class, stop -> {
            assertThat(stop.httpStatus()).isEmpty();
            assertThat(stop.error()).startsWith("host '" + host + "' ").contains(reason);
        });
        assertThat(resolver.asked()).containsExactly(host);
        assertNoConnection();
    }

    /** DNS may recover, so a name that does not resolve (now) is retried, not stopped. */
    @ParameterizedTest
    @ValueSource(strings = { MappedHostResolver.UNKNOWN, "empty.wild.callback.test" })
    void aNameThatDoesNotResolveIsRetried(String host) {
        AttemptResult result = attempt(CallbackDeliveryTest.TESTER, on(host));

        assertThat(result).isEqualTo(new AttemptResult.Retry(Optional.empty(), "receiver unreachable (unknown host)",
                Optional.empty()));
        assertThat(resolver.asked()).containsExactly(host);
        assertNoConnection();
    }

    @Test
    void aHostNotListedStopsWithoutEvenAResolution() {
        AttemptResult result = attempt(CallbackDeliveryTest.TESTER, on("elsewhere.callback.test"));

        assertThat(result).isEqualTo(new AttemptResult.Stop(Optional.empty(), "the callback URL names host"
                + " 'elsewhere.callback.test' (port " + receiver.port() + "), which is not in this client's"
                + " callback-hosts"));
        assertThat(resolver.asked()).isEmpty();
        assertNoConnection();
    }

    /** {@code test-moderator} lists {@code http://127.0.0.1}; these are other ways to write loopback. */
    @ParameterizedTest
    @ValueSource(strings = { "127.1", "0x7f.0.0.1", "0177.0.0.1", "2130706433", "127.0.0.2", "[::1]",
            "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]", "localhost" })
    void loopbackSpelledOtherwiseThanListedIsRefused(String host) {
        AttemptResult result = attempt("test-moderator", on(host));

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Stop.class,
                stop -> assertThat(stop.error()).startsWith("the callback URL "));
        assertThat(resolver.asked()).isEmpty();
        assertNoConnection();
    }

    @Test
    void theListedSpellingIsCalled() {
        assertThat(attempt("test-moderator", on("127.0.0.1"))).isEqualTo(new AttemptResult.Done(Optional.of(200)));
    }

    @Test
    void aClientWithoutCallbacksConfiguredStops() {
        AttemptResult result = attempt("test-admin", on("127.0.0.1"));

        assertThat(result).isEqualTo(new AttemptResult.Stop(Optional.empty(), "client 'test-admin' has no"
                + " callback-secret any more: callbacks are never sent unsigned"));
        assertNoConnection();
    }

    @Test
    void anHttpsUrlToAHostListedForHttpIsStillChecked() {
        AttemptResult result = attempt(CallbackDeliveryTest.TESTER, "https://metadata.callback.test/hooks");

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Stop.class,
                stop -> assertThat(stop.error()).contains("cloud metadata address"));
    }
}
