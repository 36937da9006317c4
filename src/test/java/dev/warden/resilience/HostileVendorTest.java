package dev.warden.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderError;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.WardenApi;

/**
 * Vendors that answer what no sane vendor would, through the core's HTTP transport (the {@code scripted-http} test
 * adapter): the caller still gets a {@code 200} within the policy's deadline, and the provider's outcome says what
 * went wrong.
 */
@QuarkusTest
class HostileVendorTest {

    static final String HOSTILE = "/hostile/v1/moderations";

    /** The {@code hostile} policy's deadline, and what a busy two-core machine may add to it. */
    static final Duration DEADLINE = Duration.ofSeconds(1);
    static final Duration MARGIN = Duration.ofSeconds(2);

    @BeforeEach
    void resetVendor() {
        OpenAiSimulator.reset();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "Retry-After    | 9223372036854775807           | 86400000",
            "Retry-After    | 99999999999999999999          | 86400000",
            "Retry-After    | Fri, 31 Dec 9999 23:59:59 GMT | 86400000",
            "Retry-After    | Thu, 01 Jan 1970 00:00:00 GMT | 0",
            "Retry-After    | -1                            | none",
            "Retry-After    | 1.5                           | none",
            "Retry-After    | soon                          | none" })
    void anAbsurdRetryAfterIsARateLimitedOutcomeWithinTheDeadline(String header, String value, Long retryAfterMs)
            throws Exception {
        OpenAiSimulator.answer(HOSTILE, aResponse().withStatus(429).withHeader(header, value)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"slow down\"}"));
        Instant start = Instant.now();

        ModerationResult result = WardenApi.moderations().createModeration(WardenApi.text("hello there", "hostile"),
                null);

        assertThat(Duration.between(start, Instant.now())).isLessThan(DEADLINE.plus(MARGIN));
        assertThat(result.getProviders()).hasSize(1);
        ProviderOutcome outcome = result.getProviders().get(0);
        assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.RATE_LIMITED);
        assertThat(outcome.getError().getKind()).isEqualTo(ProviderError.KindEnum.RATE_LIMITED);
        assertThat(outcome.getError().getRetryAfterMs()).isEqualTo(retryAfterMs);
        assertThat(result.getDegraded()).isTrue();
    }

    @Test
    void anUnreachableVendorIsNamedByNeitherHostNorPortNorException() throws Exception {
        ModerationResult result = WardenApi.moderations().createModeration(WardenApi.text("hello there",
                "unreachable"), null);

        assertThat(result.getProviders()).extracting(ProviderOutcome::getProvider)
                .containsExactly("closed-port", "unknown-host");
        assertThat(result.getProviders()).allSatisfy(outcome -> {
            assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
            assertThat(outcome.getError().getKind()).isEqualTo(ProviderError.KindEnum.UNAVAILABLE);
            assertNamesNoVendorDetail(outcome.getError().getMessage(), "vendor.invalid", "127.0.0.1", ":1");
        });
        assertThat(result.getProviders().get(0).getError().getMessage())
                .isEqualTo("vendor unreachable (connection refused)");
        assertThat(result.getProviders().get(1).getError().getMessage())
                .isEqualTo("vendor unreachable (unknown host)");
    }

    @Test
    void anOversizedAnswerIsNamedByItsSizeOnly() throws Exception {
        OpenAiSimulator.answer(HOSTILE, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(new byte[2 * 1024 * 1024]));
        URI simulator = URI.create(ConfigProvider.getConfig().getValue("warden.test.openai-simulator-url",
                String.class));

        ProviderOutcome outcome = WardenApi.moderations().createModeration(WardenApi.text("hello there", "hostile"),
                null).getProviders().get(0);

        assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        assertThat(outcome.getError().getKind()).isEqualTo(ProviderError.KindEnum.INVALID_RESPONSE);
        assertThat(outcome.getError().getMessage()).startsWith("response exceeds ");
        assertNamesNoVendorDetail(outcome.getError().getMessage(), simulator.getHost(), ":" + simulator.getPort(),
                "localhost", "127.0.0.1");
    }

    static Stream<ResponseDefinitionBuilder> garbage() {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) '[');
        return Stream.of(
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                aResponse().withFault(Fault.EMPTY_RESPONSE),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"scores\":{"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[1, 2]"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(tenMegabytes),
                aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>hi</html>"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsAnErrorOutcomeNeverAFailedRequest(ResponseDefinitionBuilder answer) throws Exception {
        OpenAiSimulator.answer(HOSTILE, answer);

        ModerationResult result = WardenApi.moderations().createModeration(WardenApi.text("hello there", "hostile"),
                null);

        ProviderOutcome outcome = result.getProviders().get(0);
        assertThat(outcome.getOutcome()).isEqualTo(ProviderOutcome.OutcomeEnum.ERROR);
        assertThat(outcome.getError().getKind()).isIn(ProviderError.KindEnum.INVALID_RESPONSE,
                ProviderError.KindEnum.UNAVAILABLE);
        assertThat(result.getDegraded()).isTrue();
    }

    private static void assertNamesNoVendorDetail(String message, String... vendorDetails) {
        assertThat(message).doesNotContain(vendorDetails).doesNotContain("Exception");
    }
}
