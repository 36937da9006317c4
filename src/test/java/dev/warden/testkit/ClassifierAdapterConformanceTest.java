package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@link ProviderException.Kind}. Network adapters get a WireMock vendor simulator on a random port. An adapter whose
 * vendor answers by callback is classified with a callback URL (as in an async moderation), may answer pending, and
 * must read its vendor's callback and refuse a sync call it cannot answer before any network call.
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
        NETWORK,
        /**
         * The vendor may answer later, by posting to the callback URL it was given: the kit classifies with a
         * callback URL, accepts a pending verdict, and reads {@link #sampleCallback()} with {@code parseCallback}.
         */
        ANSWERS_BY_CALLBACK
    }

    /** The callback URL the kit gives an adapter that answers by callback. */
    protected static final String CALLBACK_URL = "https://warden.test/v1/webhooks/under-test?job="
            + "6f1c2a8e-0000-4000-8000-000000000001&token=conformance-token-0123456789abcdefghijklmnopqrstu";

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

    /** What the vendor posts to the callback URL for a clean job: needed with {@link Behavior#ANSWERS_BY_CALLBACK}. */
    protected String sampleCallback() {
        throw new UnsupportedOperationException("an adapter that answers by callback gives a sample callback body");
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

    /** As the core calls it in an async moderation: with a callback URL when the adapter answers by callback. */
    protected CallContext asyncCallContext() {
        return supports(Behavior.ANSWERS_BY_CALLBACK)
                ? new CallContext("conformance-test", Instant.now().plus(Duration.ofSeconds(10)),
                        Optional.of(CALLBACK_URL))
                : callContext();
    }

    protected ProviderVerdict classify(ClassifierAdapter adapter, ContentPart... parts) {
        return adapter.classify(new ClassificationInput(List.of(parts)), asyncCallContext()).await()
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

        if (verdict.isPending()) {
            assertThat(supports(Behavior.ANSWERS_BY_CALLBACK)).as("pending only with a callback URL").isTrue();
            assertThat(verdict.pending().orElseThrow().vendorJobId()).isNotBlank();
        } else {
            assertThat(verdict.scores().values()).allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
            assertThat(verdict.model()).isNotBlank();
        }
    }

    @Test
    void declaresWhetherItsVendorAnswersByCallback() {
        assertThat(newAdapter().capabilities().async()).isEqualTo(supports(Behavior.ANSWERS_BY_CALLBACK));
    }

    @Test
    void refusesCallbacksItNeverAskedFor() {
        assumeTrue(!supports(Behavior.ANSWERS_BY_CALLBACK), "adapter answers by callback");
        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> newAdapter().parseCallback("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
    }

    @Test
    void withoutACallbackUrlAnswersAtOnceOrRefusesBeforeAnyNetworkCall() {
        assumeTrue(supports(Behavior.ANSWERS_BY_CALLBACK), "adapter answers at once");
        stubCleanAnswer(vendor);
        int before = http.requests();

        ProviderVerdict verdict;
        try {
            verdict = newAdapter().classify(new ClassificationInput(List.of(anySupportedPart())), callContext())
                    .await().atMost(Duration.ofSeconds(10));
        } catch (ProviderException refused) {
            assertThat(refused.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
            assertThat(http.requests()).isEqualTo(before);
            return;
        }
        assertThat(verdict.isPending()).as("a sync call waits for no callback").isFalse();
    }

    @Test
    void readsItsVendorsCallback() {
        assumeTrue(supports(Behavior.ANSWERS_BY_CALLBACK), "adapter answers at once");

        ProviderVerdict verdict = newAdapter().parseCallback(sampleCallback().getBytes(StandardCharsets.UTF_8));

        assertThat(verdict.isPending()).isFalse();
        assertThat(verdict.scores().values()).allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
        assertThat(verdict.model()).isNotBlank();
    }

    @Test
    void anUnreadableCallbackIsAnInvalidResponse() {
        assumeTrue(supports(Behavior.ANSWERS_BY_CALLBACK), "adapter answers at once");
        for (String body : List.of("", "<html><body>Login</body></html>", "{\"id\": \"t", "{}", "[1, 2]")) {
            ProviderException failure = catchThrowableOfType(ProviderException.class,
                    () -> newAdapter().parseCallback(body.getBytes(StandardCharsets.UTF_8)));

            assertThat(failure).as(body).isNotNull();
            assertThat(failure.kind()).as(body).isEqualTo(ProviderException.Kind.INVALID_RESPONSE);
        }
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
