package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.spi.CallContext;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentLimits;
import dev.warden.spi.ContentPart;
import dev.warden.spi.MediaFetcher;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.Setting;

/**
 * The base of an adapter's own tests, for what the kit cannot know (request shapes, labels, vendor codes): a WireMock
 * {@link #vendor} on a random port, reset before each test, and the production transport ({@link #http}, counting
 * requests). {@link #adapter} builds an instance as the core does; {@link #failure} also checks that the failure's
 * message repeats none of the secret settings the adapter was built with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class VendorAdapterTestBase {

    protected static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    protected final WireMockServer vendor = new WireMockServer(wireMockConfig().dynamicPort());
    protected final TestVendorHttp http = new TestVendorHttp();
    private final Map<ClassifierAdapter, List<String>> secretsOf = Collections.synchronizedMap(new IdentityHashMap<>());

    protected abstract ClassifierAdapterType adapterType();

    /** The media fetcher adapters get; by default the core's for providers without one, which refuses every fetch. */
    protected MediaFetcher media() {
        return MediaFetcher.REFUSING;
    }

    @BeforeAll
    final void startVendor() {
        vendor.start();
    }

    @AfterAll
    final void stopVendor() {
        vendor.stop();
        http.close();
    }

    @BeforeEach
    final void resetVendor() {
        vendor.resetAll();
    }

    protected ClassifierAdapter adapter(Map<String, String> settings) {
        return adapter(settings, media());
    }

    protected ClassifierAdapter adapter(Map<String, String> settings, MediaFetcher media) {
        String id = adapterType().id();
        ClassifierAdapter adapter = adapterType().create(new ProviderContext(id, new ProviderSettings(id, settings),
                http, ContentLimits.DEFAULTS, media));
        secretsOf.put(adapter, adapterType().descriptor().settings().settings().stream().filter(Setting::secret)
                .map(setting -> settings.get(setting.key())).filter(Objects::nonNull).toList());
        return adapter;
    }

    protected ProviderVerdict classify(ClassifierAdapter adapter, ContentPart... parts) {
        return classify(adapter, context(), parts);
    }

    protected ProviderVerdict classify(ClassifierAdapter adapter, CallContext context, ContentPart... parts) {
        return adapter.classify(new ClassificationInput(List.of(parts)), context).await().atMost(CALL_TIMEOUT);
    }

    protected ProviderException failure(ClassifierAdapter adapter, ContentPart... parts) {
        return failure(adapter, context(), parts);
    }

    protected ProviderException failure(ClassifierAdapter adapter, CallContext context, ContentPart... parts) {
        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> classify(adapter, context, parts));
        assertThat(failure).as("a ProviderException").isNotNull();
        secretsOf.getOrDefault(adapter, List.of()).forEach(secret -> assertThat(failure.getMessage())
                .as("a failure's message repeats no secret").doesNotContain(secret));
        return failure;
    }

    /** A sync call: no callback URL. */
    protected static CallContext context() {
        return new CallContext("vendor-test", Instant.now().plus(CALL_TIMEOUT));
    }

    /** An async call, as the core makes it for a provider that answers by callback. */
    protected static CallContext callbackContext(String callbackUrl) {
        return new CallContext("vendor-test", Instant.now().plus(CALL_TIMEOUT), Optional.of(callbackUrl));
    }
}
