package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import dev.warden.spi.CallContext;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentPart;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ProviderVerdict;

/**
 * The conformance kit every classifier adapter's test extends (as Trino's {@code BaseConnectorTest}): declare what
 * the adapter supports, and the kit checks that supported behaviour works, unsupported behaviour fails with
 * {@code UNSUPPORTED} before any network call, and that every way a vendor can fail arrives as the right
 * {@link ProviderException.Kind}. Network adapters get a WireMock vendor simulator on a random port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClassifierAdapterConformanceTest {

    /** What an adapter may support; each test states which behaviour it needs. */
    protected enum Behavior {
        TEXT,
        IMAGE,
        AUDIO,
        VIDEO,
        /** Talks to a vendor over HTTP (as opposed to classifying in process). */
        NETWORK
    }

    protected WireMockServer vendor;
    protected TestVendorHttp http;

    /** The adapter type under test. */
    protected abstract ClassifierAdapterType adapterType();

    /** Settings for a working instance; {@code vendorBaseUrl} is the simulator's base URL (for network adapters). */
    protected abstract Map<String, String> settings(String vendorBaseUrl);

    protected abstract Set<Behavior> supportedBehaviors();

    /** Stubs the simulator so the next classification of {@link #sampleText()} (and images) succeeds. */
    protected abstract void stubCleanAnswer(WireMockServer vendor);

    protected String sampleText() {
        return "Have a lovely day";
    }

    protected String sampleImageUrl() {
        return "https://cdn.example.com/cat.png";
    }

    protected final boolean supports(Behavior behavior) {
        return supportedBehaviors().contains(behavior);
    }

    @BeforeAll
    void startKit() {
        http = new TestVendorHttp();
        if (supports(Behavior.NETWORK)) {
            vendor = new WireMockServer(wireMockConfig().dynamicPort());
            vendor.start();
        }
    }

    @AfterAll
    void stopKit() {
        if (vendor != null) {
            vendor.stop();
        }
        http.close();
    }

    @BeforeEach
    void resetVendor() {
        if (vendor != null) {
            vendor.resetAll();
        }
    }

    protected String vendorBaseUrl() {
        return vendor == null ? "http://127.0.0.1:9" : vendor.baseUrl();
    }

    protected ClassifierAdapter newAdapter() {
        return newAdapter(settings(vendorBaseUrl()));
    }

    protected ClassifierAdapter newAdapter(Map<String, String> settings) {
        return adapterType().create(new ProviderContext("under-test", new ProviderSettings("under-test", settings),
                http));
    }

    protected static CallContext callContext() {
        return new CallContext("conformance-test", Instant.now().plus(Duration.ofSeconds(10)));
    }

    protected ProviderVerdict classify(ClassifierAdapter adapter, ContentPart... parts) {
        return adapter.classify(new ClassificationInput(List.of(parts)), callContext()).await()
                .atMost(Duration.ofSeconds(10));
    }

    protected ProviderException classifyFailure(ClassifierAdapter adapter, ContentPart... parts) {
        return catchThrowableOfType(ProviderException.class, () -> classify(adapter, parts));
    }

    @Test
    void readsEveryDocumentedSetting() {
        Map<String, String> values = settings(vendorBaseUrl());
        ProviderSettings settings = new ProviderSettings("under-test", values);
        adapterType().create(new ProviderContext("under-test", settings, http));

        assertThat(settings.unread()).as("settings the adapter ignored").isEmpty();
    }

    @Test
    void leavesAMisspelledSettingUnreadSoStartUpFails() {
        Map<String, String> values = new HashMap<>(settings(vendorBaseUrl()));
        values.put("bsae-url", "http://typo.example");
        ProviderSettings settings = new ProviderSettings("under-test", values);
        adapterType().create(new ProviderContext("under-test", settings, http));

        assertThat(settings.unread()).containsExactly("bsae-url");
    }

    @Test
    void declaresTheModalitiesItSupports() {
        Set<Modality> expected = EnumSet.noneOf(Modality.class);
        Map.of(Behavior.TEXT, Modality.TEXT, Behavior.IMAGE, Modality.IMAGE, Behavior.AUDIO, Modality.AUDIO,
                Behavior.VIDEO, Modality.VIDEO).forEach((behavior, modality) -> {
                    if (supports(behavior)) {
                        expected.add(modality);
                    }
                });

        assertThat(newAdapter().capabilities().modalities()).isEqualTo(expected);
    }

    @Test
    void classifiesCleanTextWithScoresInRange() {
        assumeTrue(supports(Behavior.TEXT), "adapter does not classify text");
        if (vendor != null) {
            stubCleanAnswer(vendor);
        }

        ProviderVerdict verdict = classify(newAdapter(), new ContentPart.Text(sampleText()));

        assertThat(verdict.scores().values()).allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
        assertThat(verdict.model()).isNotBlank();
    }

    @Test
    void classifiesAnImage() {
        assumeTrue(supports(Behavior.IMAGE), "adapter does not classify images");
        stubCleanAnswer(vendor);

        ProviderVerdict verdict = classify(newAdapter(), new ContentPart.Image(sampleImageUrl()));

        assertThat(verdict.scores().values()).allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
    }

    @Test
    void refusesTextItCannotClassifyBeforeAnyNetworkCall() {
        assumeTrue(!supports(Behavior.TEXT), "adapter classifies text");
        assertUnsupportedWithoutNetwork(new ContentPart.Text(sampleText()));
    }

    @Test
    void refusesImagesItCannotClassifyBeforeAnyNetworkCall() {
        assumeTrue(!supports(Behavior.IMAGE), "adapter classifies images");
        assertUnsupportedWithoutNetwork(new ContentPart.Image(sampleImageUrl()));
    }

    private void assertUnsupportedWithoutNetwork(ContentPart part) {
        int before = http.requests();

        ProviderException failure = classifyFailure(newAdapter(), part);

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
        assertThat(http.requests()).isEqualTo(before);
    }

    @Test
    void vendorServerErrorIsUnavailable() {
        assertVendorFailure(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\"}}"), ProviderException.Kind.UNAVAILABLE);
    }

    @Test
    void vendorOverloadIsUnavailable() {
        assertVendorFailure(aResponse().withStatus(503).withBody("Service Unavailable"),
                ProviderException.Kind.UNAVAILABLE);
    }

    @Test
    void vendorThrottlingIsRateLimitedWithItsRetryAfter() {
        ProviderException failure = vendorFailure(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"slow down\"}}"));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void rejectedCredentialsAreAuth() {
        assertVendorFailure(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"bad key\"}}"), ProviderException.Kind.AUTH);
    }

    @Test
    void garbageIsAnInvalidResponse() {
        assertVendorFailure(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"results\": [ {\"flag"), ProviderException.Kind.INVALID_RESPONSE);
    }

    @Test
    void anHtmlPageIsAnInvalidResponse() {
        assertVendorFailure(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Login</body></html>"), ProviderException.Kind.INVALID_RESPONSE);
    }

    @Test
    void anEmptyJsonObjectIsAnInvalidResponse() {
        assertVendorFailure(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}"),
                ProviderException.Kind.INVALID_RESPONSE);
    }

    @Test
    void aResetConnectionIsUnavailable() {
        assertVendorFailure(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ProviderException.Kind.UNAVAILABLE);
    }

    @Test
    void anOversizedAnswerIsAnInvalidResponseNotAnOutOfMemory() {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) ' ');
        assertVendorFailure(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(tenMegabytes), ProviderException.Kind.INVALID_RESPONSE);
    }

    @Test
    void anUnreachableVendorIsUnavailable() {
        assumeTrue(supports(Behavior.NETWORK), "adapter makes no network calls");
        ClassifierAdapter adapter = newAdapter(settings("http://127.0.0.1:1"));

        ProviderException failure = classifyFailure(adapter, anySupportedPart());

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
    }

    @Test
    void rejectsAMalformedBaseUrlAtCreation() {
        assumeTrue(supports(Behavior.NETWORK), "adapter makes no network calls");
        Map<String, String> values = new HashMap<>(settings(vendorBaseUrl()));
        values.put("base-url", "not a url");

        Throwable failure = catchThrowableOfType(InvalidSettingsException.class, () -> newAdapter(values));

        assertThat(failure).isNotNull().hasMessageContaining("base-url");
    }

    private void assertVendorFailure(ResponseDefinitionBuilder answer, ProviderException.Kind expected) {
        ProviderException failure = vendorFailure(answer);
        assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(expected);
    }

    private ProviderException vendorFailure(ResponseDefinitionBuilder answer) {
        assumeTrue(supports(Behavior.NETWORK), "adapter makes no network calls");
        vendor.stubFor(any(anyUrl()).willReturn(answer));

        ProviderException failure = classifyFailure(newAdapter(), anySupportedPart());

        assertThat(failure).as("a ProviderException").isNotNull();
        return failure;
    }

    private ContentPart anySupportedPart() {
        return supports(Behavior.TEXT) ? new ContentPart.Text(sampleText()) : new ContentPart.Image(sampleImageUrl());
    }
}
