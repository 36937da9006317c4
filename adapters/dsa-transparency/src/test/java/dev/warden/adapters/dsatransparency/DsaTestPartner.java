package dev.warden.adapters.dsatransparency;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ProviderSettings;
import dev.warden.spi.reporting.Environment;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.testkit.DsaSimulator;
import dev.warden.testkit.TestVendorHttp;

/**
 * The base of the adapter's tests that talk to a partner: a WireMock server with the {@link DsaSimulator}'s
 * extensions (reset before each test), the production transport, and a partner built as the core builds it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DsaTestPartner {

    static final String TOKEN = "7|dsaTestToken0123456789012345678901234567890";
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer partner = new WireMockServer(wireMockConfig().dynamicPort()
            .extensions(DsaSimulator.extensions()));
    final TestVendorHttp http = new TestVendorHttp();

    @BeforeAll
    final void startPartner() {
        partner.start();
    }

    @AfterAll
    final void stopPartner() {
        partner.stop();
        http.close();
    }

    @BeforeEach
    final void resetPartner() {
        partner.resetAll();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + partner.port() + "/dsa";
    }

    DsaTransparencyAdapter adapter(Map<String, String> extra) {
        return adapter(extra, Duration.ofSeconds(5));
    }

    DsaTransparencyAdapter adapter(Map<String, String> extra, Duration timeout) {
        Map<String, String> values = new HashMap<>(Map.of("token", TOKEN));
        values.putAll(extra);
        return (DsaTransparencyAdapter) new DsaTransparencyAdapterType().create(new ReportingContext("dsa",
                new ProviderSettings("warden.partners.", "dsa", values), http.limitedTo(timeout), Environment.TEST,
                URI.create(baseUrl())));
    }

    DsaTransparencyAdapter adapter() {
        return adapter(Map.of());
    }

    /** The normalized sample of {@code src/test/resources/reports/statement-of-reasons.json}. */
    static ObjectNode sample() {
        try (InputStream in = DsaTestPartner.class.getResourceAsStream("/reports/statement-of-reasons.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode statement(String puid) {
        return sample().put("puid", puid);
    }

    static OutgoingReport report(String puid) {
        return new OutgoingReport(UUID.randomUUID(), statement(puid), List.of());
    }

    static List<OutgoingReport> reports(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> report(prefix + "-" + i)).toList();
    }

    static <T> T await(Uni<T> answer) {
        return answer.await().atMost(CALL_TIMEOUT);
    }

    /** The failure of a call, which must be a {@link ReportingException} that repeats no token. */
    static ReportingException failure(Uni<?> answer) {
        Throwable thrown = catchThrowable(() -> await(answer));
        assertThat(thrown).isInstanceOf(ReportingException.class);
        ReportingException failure = (ReportingException) thrown;
        assertThat(failure.getMessage()).doesNotContain(TOKEN).isEqualTo(failure.exchange().message());
        return failure;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
