package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.smallrye.mutiny.subscription.Cancellable;

import dev.warden.spi.CallContext;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentLimits;
import dev.warden.spi.ContentPart;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.Setting;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.VendorHttp;

/**
 * The conformance kit every classifier adapter's test extends (as Trino's {@code BaseConnectorTest}): declare what
 * the adapter supports and give the vendor's fixtures; the kit checks that the request carries the input and the
 * credentials, that a flagged answer becomes the expected categories and a clean one stays clean, that unsupported
 * input fails with {@code UNSUPPORTED} before any network call, that every way a vendor can fail arrives as the right
 * {@link ProviderException.Kind} without repeating a secret or the content, that cancelling aborts the exchange, and
 * that the descriptor documents every setting the adapter reads. A constant-verdict adapter fails it
 * ({@code ConstantVerdictAdapterKitTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClassifierAdapterConformanceTest {

    /** What an adapter may support; behaviours after {@code ANSWERS_BY_CALLBACK} have defaults ({@link #hasBehavior}). */
    protected enum Behavior {
        TEXT,
        IMAGE,
        AUDIO,
        VIDEO,
        /** Talks to a vendor over HTTP (as opposed to classifying in process). */
        NETWORK,
        /**
         * The vendor may answer later, by posting to the callback URL it was given: the kit classifies with a
         * callback URL, accepts a pending verdict, and reads {@link VendorFixtures#callbackBody} with
         * {@code parseCallback}.
         */
        ANSWERS_BY_CALLBACK,
        /** Answers at once when given no callback URL. Default: when it does not answer by callback. */
        SYNC_WITHOUT_CALLBACK,
        /** Sends the image's bytes (from {@link ProviderContext#media()}), not its URL. Default: no. */
        FETCHES_IMAGE_BYTES,
        /** Our credentials travel with every request. Default: {@code NETWORK}. */
        CREDENTIALS_ON_WIRE,
        /** A 429 with {@code Retry-After: 7} waits 7 s. Default: {@code NETWORK}. */
        HONOURS_RETRY_AFTER,
        /** Maps the {@link FailureCase} matrix. Default: {@code NETWORK}. */
        STATUS_FAILURE_MATRIX,
        /** The vendor reports errors inside 2xx answers (Sightengine). Default: no. */
        ERRORS_IN_SUCCESS_BODY,
        /** Cancelling the adapter's {@code Uni} aborts the exchange. Default: {@code NETWORK}. */
        CANCELLATION
    }

    /** A string no vendor message, log or failure may contain: it marks the sample text. */
    public static final String CANARY = "wdn-canary-7f3a";

    /** The callback URL the kit gives an adapter that answers by callback. */
    protected static final String CALLBACK_URL = "https://warden.test/v1/webhooks/under-test?job="
            + "6f1c2a8e-0000-4000-8000-000000000001&token=conformance-token-0123456789abcdefghijklmnopqrstu";

    private static final String PROVIDER_ID = "under-test";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final double EXACT = 1e-9;
    private static final String UNREACHABLE_BASE_URL = "http://127.0.0.1:1";

    protected WireMockServer vendor;
    protected TestVendorHttp http;
    private KitMedia media;

    /** The adapter type under test. */
    protected abstract ClassifierAdapterType adapterType();

    /**
     * Settings for a working instance, one of every documented setting; {@code vendorBaseUrl} is the simulator's base
     * URL, which every endpoint setting points at (for network adapters).
     */
    protected abstract Map<String, String> settings(String vendorBaseUrl);

    protected abstract Set<Behavior> supportedBehaviors();

    protected abstract VendorFixtures fixtures();

    /** Holds {@link #CANARY}, which the wire check finds and the leak checks must not. */
    protected String sampleText() {
        return "Have a lovely day " + CANARY;
    }

    protected String sampleImageUrl() {
        return "https://cdn.example.com/kit/cat.png";
    }

    protected final boolean supports(Behavior behavior) {
        return supportedBehaviors().contains(behavior);
    }

    /** Declared behaviours, plus the defaults of those an adapter does not have to declare. */
    protected boolean hasBehavior(Behavior behavior) {
        return switch (behavior) {
            case SYNC_WITHOUT_CALLBACK -> supports(behavior) || !supports(Behavior.ANSWERS_BY_CALLBACK);
            case CREDENTIALS_ON_WIRE, HONOURS_RETRY_AFTER, STATUS_FAILURE_MATRIX, CANCELLATION ->
                supports(behavior) || supports(Behavior.NETWORK);
            default -> supports(behavior);
        };
    }

    @BeforeAll
    void startKit() {
        http = new TestVendorHttp();
        media = new KitMedia(sampleImageUrl());
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
        return newAdapter(settings, http);
    }

    private ClassifierAdapter newAdapter(Map<String, String> settings, VendorHttp transport) {
        return create(new ProviderSettings(PROVIDER_ID, settings), transport);
    }

    /** As the core creates a provider: the kit's transport, the core's default limits and the kit's media. */
    private ClassifierAdapter create(ProviderSettings settings, VendorHttp transport) {
        return adapterType().create(new ProviderContext(PROVIDER_ID, settings, transport, ContentLimits.DEFAULTS,
                media));
    }

    protected static CallContext callContext() {
        return new CallContext("conformance-test", Instant.now().plus(CALL_TIMEOUT));
    }

    /** As the core calls it in an async moderation: with a callback URL when the adapter answers by callback. */
    protected CallContext asyncCallContext() {
        return supports(Behavior.ANSWERS_BY_CALLBACK)
                ? new CallContext("conformance-test", Instant.now().plus(CALL_TIMEOUT), Optional.of(CALLBACK_URL))
                : callContext();
    }

    protected ProviderVerdict classify(ClassifierAdapter adapter, ContentPart... parts) {
        return adapter.classify(new ClassificationInput(List.of(parts)), asyncCallContext()).await()
                .atMost(CALL_TIMEOUT);
    }

    protected ProviderException classifyFailure(ClassifierAdapter adapter, ContentPart... parts) {
        return catchThrowableOfType(ProviderException.class, () -> classify(adapter, parts));
    }

    // ---- settings and descriptor

    @Test
    void readsEveryDocumentedSetting() {
        ProviderSettings settings = new ProviderSettings(PROVIDER_ID, settings(vendorBaseUrl()));
        create(settings, http);

        assertThat(settings.unread()).as("settings the adapter ignored").isEmpty();
    }

    @Test
    void leavesAMisspelledSettingUnreadSoStartUpFails() {
        Map<String, String> values = new HashMap<>(settings(vendorBaseUrl()));
        values.put("bsae-url", "http://typo.example");
        ProviderSettings settings = new ProviderSettings(PROVIDER_ID, values);
        create(settings, http);

        assertThat(settings.unread()).containsExactly("bsae-url");
    }

    @Test
    void descriptorListsEverySettingTheAdapterReads() {
        SettingsSpec spec = adapterType().descriptor().settings();
        ProviderSettings settings = new ProviderSettings(PROVIDER_ID, settings(vendorBaseUrl()));
        create(settings, http);

        assertThat(adapterType().descriptor().id()).isEqualTo(adapterType().id());
        assertThat(spec.settings()).as("the descriptor declares the adapter's settings").isNotEmpty();
        assertThat(settings.requested()).as("settings read but not in the descriptor")
                .allSatisfy(key -> assertThat(spec.covers(key)).as(key).isTrue());
        assertThat(settings(vendorBaseUrl()).keySet()).as("the kit's settings are documented")
                .allSatisfy(key -> assertThat(spec.covers(key)).as(key).isTrue());
    }

    @Test
    void descriptorDeclaresTheCapabilitiesOfAnInstance() {
        assertThat(adapterType().descriptor().declaredCapabilities()).isEqualTo(newAdapter().capabilities());
    }

    @Test
    void settingsToStringHidesSecrets() {
        List<String> secrets = secretValues();
        ProviderSettings source = new ProviderSettings(PROVIDER_ID, settings(vendorBaseUrl()));
        String printed = adapterType().descriptor().settings().read(source) + " " + newAdapter();

        assertThat(secrets).allSatisfy(secret -> assertThat(printed).doesNotContain(secret));
    }

    @Test
    void declaresTheModalitiesItSupports() {
        Set<Modality> expected = EnumSet.noneOf(Modality.class);
        for (Modality modality : Modality.values()) {
            if (supports(behaviorOf(modality))) {
                expected.add(modality);
            }
        }

        assertThat(newAdapter().capabilities().modalities()).isEqualTo(expected);
    }

    @Test
    void declaresWhetherItsVendorAnswersByCallback() {
        assertThat(newAdapter().capabilities().async()).isEqualTo(supports(Behavior.ANSWERS_BY_CALLBACK));
    }

    @Test
    void rejectsAMalformedBaseUrlAtCreation() {
        assumeTrue(supports(Behavior.NETWORK), "adapter makes no network calls");
        assumeTrue(adapterType().descriptor().settings().setting("base-url").isPresent(), "no base-url setting");
        Map<String, String> values = new HashMap<>(settings(vendorBaseUrl()));
        values.put("base-url", "not a url");

        Throwable failure = catchThrowableOfType(InvalidSettingsException.class, () -> newAdapter(values));

        assertThat(failure).isNotNull().hasMessageContaining("base-url");
    }

    // ---- answers

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modality.class)
    void theRequestCarriesTheInputAndTheCredentials(Modality modality) {
        assumeSupported(modality);
        assumeTrue(supports(Behavior.NETWORK), "adapter makes no network calls");
        fixtures().stubFlagged(vendor, modality);

        classify(newAdapter(), samplePart(modality));

        assertThat(vendor.findAll(anyRequestedFor(anyUrl()))).as("requests the vendor received").isNotEmpty();
        KitWire wire = KitWire.of(vendor.findAll(anyRequestedFor(anyUrl())));
        if (modality == Modality.TEXT) {
            assertThat(wire.contains(sampleText())).as("the sample text is on the wire").isTrue();
        } else if (hasBehavior(Behavior.FETCHES_IMAGE_BYTES)) {
            assertThat(wire.containsBytes(KitMedia.SAMPLE_PNG)).as("the image bytes are on the wire").isTrue();
        } else {
            assertThat(wire.contains(sampleImageUrl())).as("the image URL is on the wire").isTrue();
        }
        if (hasBehavior(Behavior.CREDENTIALS_ON_WIRE)) {
            List<String> credentials = credentialsOnWire();
            assertThat(credentials).as("credentials to look for").isNotEmpty();
            assertThat(credentials).allSatisfy(credential -> assertThat(wire.contains(credential))
                    .as("a credential is on the wire").isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modality.class)
    void aFlaggedAnswerBecomesTheExpectedCategories(Modality modality) {
        assumeSupported(modality);
        fixtures().stubFlagged(vendor, modality);
        ContentPart part = modality == Modality.TEXT
                ? new ContentPart.Text(fixtures().flaggedText(sampleText()))
                : samplePart(modality);

        ProviderVerdict verdict = answered(classify(newAdapter(), part), true);

        Map<Category, Double> expected = fixtures().expectedFlagged(modality);
        assertThat(expected).as("a flagged fixture flags something").isNotEmpty();
        expected.forEach((category, score) -> assertThat(verdict.scores().get(category)).as(category.wireName())
                .isNotNull().isCloseTo(score, offset(EXACT)));
        verdict.scores().forEach((category, score) -> {
            if (!expected.containsKey(category)) {
                assertThat(score).as("unexpected " + category.wireName()).isLessThanOrEqualTo(
                        fixtures().cleanMaximum());
            }
        });
        assertThat(verdict.model()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modality.class)
    void aCleanAnswerStaysClean(Modality modality) {
        assumeSupported(modality);
        fixtures().stubClean(vendor, modality);

        ProviderVerdict verdict = answered(classify(newAdapter(), samplePart(modality)), false);

        assertThat(verdict.scores().values()).allSatisfy(score -> assertThat(score).isBetween(0.0,
                fixtures().cleanMaximum()));
        assertThat(verdict.model()).isNotBlank();
    }

    /** A pending verdict is answered by the vendor's callback, read as the core would. */
    private ProviderVerdict answered(ProviderVerdict verdict, boolean flagged) {
        if (!verdict.isPending()) {
            return verdict;
        }
        assertThat(supports(Behavior.ANSWERS_BY_CALLBACK)).as("pending only with a callback URL").isTrue();
        assertThat(verdict.pending().orElseThrow().vendorJobId()).isNotBlank();
        return newAdapter().parseCallback(fixtures().callbackBody(flagged).getBytes(StandardCharsets.UTF_8));
    }

    // ---- callbacks

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
        Modality modality = anySupportedModality();
        fixtures().stubClean(vendor, modality);
        int before = http.requests();

        ProviderException refused = catchThrowableOfType(ProviderException.class, () -> {
            ProviderVerdict verdict = newAdapter().classify(new ClassificationInput(List.of(samplePart(modality))),
                    callContext()).await().atMost(CALL_TIMEOUT);
            assertThat(verdict.isPending()).as("a sync call waits for no callback").isFalse();
        });

        if (hasBehavior(Behavior.SYNC_WITHOUT_CALLBACK)) {
            assertThat(refused).as("answers at once without a callback URL").isNull();
        } else {
            assertThat(refused).isNotNull();
            assertThat(refused.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
            assertThat(http.requests()).isEqualTo(before);
        }
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

    // ---- unsupported input

    @Test
    void unsupportedBeforeAnyNetworkCall() {
        List<ClassificationInput> unsupported = new ArrayList<>(fixtures().unsupportedInputs());
        for (Modality modality : List.of(Modality.TEXT, Modality.IMAGE)) {
            if (!supports(behaviorOf(modality))) {
                unsupported.add(new ClassificationInput(List.of(samplePart(modality))));
            }
        }
        assumeTrue(!unsupported.isEmpty(), "the adapter takes every input the kit can build");
        ClassifierAdapter adapter = newAdapter();
        int requests = http.requests();
        int fetches = media.fetches();

        for (ClassificationInput input : unsupported) {
            ProviderException failure = catchThrowableOfType(ProviderException.class,
                    () -> adapter.classify(input, asyncCallContext()).await().atMost(CALL_TIMEOUT));

            assertThat(failure).as(input.modalities().toString()).isNotNull();
            assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
        }
        assertThat(http.requests()).as("requests sent").isEqualTo(requests);
        assertThat(media.fetches()).as("images fetched").isEqualTo(fetches);
    }

    // ---- failures

    @ParameterizedTest(name = "{0}")
    @EnumSource(FailureCase.class)
    void eachVendorFailureHasItsKindAndLeaksNothing(FailureCase failureCase) {
        assumeTrue(hasBehavior(Behavior.STATUS_FAILURE_MATRIX), "adapter declares no status failure matrix");
        ClassifierAdapter adapter = switch (failureCase) {
            case UNREACHABLE -> newAdapter(settings(UNREACHABLE_BASE_URL));
            case SLOW_ANSWER -> newAdapter(settings(vendorBaseUrl()), http.limitedTo(FailureCase.ATTEMPT_TIMEOUT));
            default -> newAdapter();
        };
        if (failureCase != FailureCase.UNREACHABLE) {
            vendor.stubFor(any(anyUrl()).willReturn(failureCase.answer(echoingErrorBody())));
        }

        ProviderException failure = classifyFailure(adapter, anySupportedPart());

        assertThat(failure).as("a ProviderException").isNotNull();
        assertThat(failure.kind()).as(failure.getMessage())
                .isEqualTo(fixtures().kindOverrides().getOrDefault(failureCase, failureCase.expected()));
        if (failure.kind() == ProviderException.Kind.RATE_LIMITED && hasBehavior(Behavior.HONOURS_RETRY_AFTER)) {
            assertThat(failure.retryAfter()).isEqualTo(failureCase.retryAfter());
        }
        assertLeaksNothing(failure);
    }

    @Test
    void vendorSpecificFailures() {
        assumeTrue(!fixtures().vendorFailures().isEmpty(), "no vendor-specific failures");
        for (VendorFailure vendorFailure : fixtures().vendorFailures()) {
            vendor.resetAll();
            vendor.stubFor((vendorFailure.stubOrNull() == null ? any(anyUrl()) : vendorFailure.stubOrNull())
                    .willReturn(vendorFailure.answer()));

            ProviderException failure = classifyFailure(newAdapter(), anySupportedPart());

            assertThat(failure).as(vendorFailure.name()).isNotNull();
            assertThat(failure.kind()).as(vendorFailure.name() + ": " + failure.getMessage())
                    .isEqualTo(vendorFailure.expected());
            assertThat(failure.retryAfter()).as(vendorFailure.name()).isEqualTo(vendorFailure.retryAfter());
            assertLeaksNothing(failure);
        }
    }

    @Test
    void errorsInASuccessBodyAreClassified() {
        assumeTrue(hasBehavior(Behavior.ERRORS_IN_SUCCESS_BODY), "the vendor reports errors by status");
        List<VendorFailure> inSuccess = fixtures().vendorFailures().stream()
                .filter(failure -> status(failure.answer()) / 100 == 2).toList();

        assertThat(inSuccess).as("vendor failures answered with a 2xx status").isNotEmpty();
        assertThat(inSuccess).allSatisfy(failure -> assertThat(failure.expected())
                .isNotEqualTo(ProviderException.Kind.INVALID_RESPONSE));
    }

    @Test
    void cancellationAbortsTheExchange() {
        assumeTrue(hasBehavior(Behavior.CANCELLATION), "adapter makes no network calls");
        vendor.stubFor(any(anyUrl()).willReturn(FailureCase.EMPTY_OBJECT.answer("").withFixedDelay(5000)));
        int cancelledBefore = http.cancelledExchanges();

        Cancellable call = newAdapter().classify(new ClassificationInput(List.of(anySupportedPart())),
                asyncCallContext()).subscribe().with(verdict -> {
                }, failure -> {
                });
        await().atMost(CALL_TIMEOUT).until(() -> !vendor.findAll(anyRequestedFor(anyUrl())).isEmpty());
        assertThat(http.openExchanges()).as("the exchange in flight").isEqualTo(1);
        call.cancel();

        await().atMost(Duration.ofSeconds(2)).until(() -> http.openExchanges() == 0);
        assertThat(http.cancelledExchanges() - cancelledBefore).isEqualTo(1);
    }

    // ---- helpers

    private void assertLeaksNothing(ProviderException failure) {
        List<String> forbidden = new ArrayList<>(secretValues());
        forbidden.addAll(credentialsOnWire());
        forbidden.add(CANARY);
        forbidden.add(sampleText());
        URI image = URI.create(sampleImageUrl());
        forbidden.add(image.getHost());
        forbidden.add(image.getPath());
        for (Throwable link = failure; link != null; link = link.getCause()) {
            String shown = link + " " + link.getMessage();
            forbidden.forEach(secret -> assertThat(shown).as("a failure message repeats something confidential")
                    .doesNotContain(secret));
        }
    }

    /** A vendor error envelope in every common shape, each quoting the request. */
    private String echoingErrorBody() {
        String quote = "Rejected '" + sampleText() + "' at " + sampleImageUrl() + " for key "
                + String.join(" ", secretValues());
        String message = TextNode.valueOf(quote).toString();
        return "{\"error\":{\"code\":\"kit_echo\",\"type\":\"kit_echo\",\"message\":" + message + "},"
                + "\"message\":" + message + ",\"Message\":" + message + "}";
    }

    private List<String> secretValues() {
        Map<String, String> settings = settings(vendorBaseUrl());
        return adapterType().descriptor().settings().settings().stream().filter(Setting::secret)
                .map(setting -> settings.get(setting.key())).filter(value -> value != null && !value.isBlank())
                .collect(Collectors.toList());
    }

    private List<String> credentialsOnWire() {
        List<String> declared = fixtures().credentialsOnWire(settings(vendorBaseUrl()));
        return declared.isEmpty() ? secretValues() : declared;
    }

    private static int status(ResponseDefinitionBuilder answer) {
        return answer.build().getStatus();
    }

    private static Behavior behaviorOf(Modality modality) {
        return Behavior.valueOf(modality.name());
    }

    private void assumeSupported(Modality modality) {
        assumeTrue(supports(behaviorOf(modality)), "adapter does not classify " + modality.wireName());
        assumeTrue(modality == Modality.TEXT || modality == Modality.IMAGE,
                "the SPI has no content part for " + modality.wireName() + " yet");
    }

    private ContentPart samplePart(Modality modality) {
        return modality == Modality.TEXT ? new ContentPart.Text(sampleText())
                : new ContentPart.Image(sampleImageUrl());
    }

    private Modality anySupportedModality() {
        return supports(Behavior.TEXT) ? Modality.TEXT : Modality.IMAGE;
    }

    private ContentPart anySupportedPart() {
        return samplePart(anySupportedModality());
    }
}
