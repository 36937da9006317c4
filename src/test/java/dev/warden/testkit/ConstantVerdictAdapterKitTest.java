package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.AdapterDescriptor;
import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.ReadSettings;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.FailurePolicy;
import dev.warden.spi.support.StrictJson;

/**
 * The kit can fail: run on an adapter that cheats as the old kit allowed (it calls the vendor without the input or
 * the key, maps statuses correctly, answers a constant verdict and detaches the exchange from its {@code Uni}), the
 * wire, flagged and cancellation checks fail, while the checks it does honour pass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConstantVerdictAdapterKitTest {

    private static final String ID = "constant-verdict";
    /** Set only by this test's engine run, so the cheat's kit never runs as a test of its own (-Dtest matches it). */
    private static final String SELF_TEST = "warden.kit.self-test";
    private static final FailurePolicy FAILURES = FailurePolicy.builder(ID).build();
    private static final Capabilities CAPABILITIES = Capabilities.sync(Modality.TEXT);
    private static final SettingsSpec SPEC = SettingsSpec.builder()
            .url("base-url", "Where the cheat calls.", null).required()
            .secret("api-key", "Never sent.").required()
            .build();

    private Events tests;

    @BeforeAll
    void runTheKitOnTheCheat() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(CheatingAdapterConformanceTest.class))
                .configurationParameter(SELF_TEST, "true").execute();
        tests = results.testEvents();
    }

    @Test
    void theWireCheckFails() {
        assertThat(failed("theRequestCarriesTheInputAndTheCredentials")).isTrue();
    }

    @Test
    void theFlaggedCheckFails() {
        assertThat(failed("aFlaggedAnswerBecomesTheExpectedCategories")).isTrue();
    }

    @Test
    void theCancellationCheckFails() {
        assertThat(failed("cancellationAbortsTheExchange")).isTrue();
    }

    /** What the cheat does honestly still passes: the failures above are the checks, not a broken run. */
    @Test
    void theChecksTheCheatHonoursPass() {
        assertThat(succeeded("aCleanAnswerStaysClean")).isTrue();
        assertThat(succeeded("eachVendorFailureHasItsKindAndLeaksNothing")).isTrue();
        assertThat(succeeded("readsEveryDocumentedSetting")).isTrue();
        assertThat(failed("aCleanAnswerStaysClean")).isFalse();
    }

    private boolean failed(String method) {
        return tests.failed().stream().anyMatch(event -> isOf(event, method));
    }

    private boolean succeeded(String method) {
        return tests.succeeded().stream().anyMatch(event -> isOf(event, method));
    }

    private static boolean isOf(Event event, String method) {
        return event.getTestDescriptor().getUniqueId().toString().contains(method + "(");
    }

    /** The kit on the cheat; runs only inside the engine run above, where it must fail. */
    @EnabledIf("runByTheSelfTest")
    static class CheatingAdapterConformanceTest extends ClassifierAdapterConformanceTest {

        static boolean runByTheSelfTest(ExtensionContext context) {
            return context.getConfigurationParameter(SELF_TEST).isPresent();
        }

        @Override
        protected ClassifierAdapterType adapterType() {
            return new ConstantVerdictAdapterType();
        }

        @Override
        protected Map<String, String> settings(String vendorBaseUrl) {
            return Map.of("base-url", vendorBaseUrl, "api-key", "sk-cheat-0123456789");
        }

        @Override
        protected Set<Behavior> supportedBehaviors() {
            return Set.of(Behavior.TEXT, Behavior.NETWORK);
        }

        @Override
        protected VendorFixtures fixtures() {
            return new VendorFixtures() {
                @Override
                public void stubClean(WireMockServer vendor, Modality modality) {
                    vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"hate\":0.01}")));
                }

                @Override
                public void stubFlagged(WireMockServer vendor, Modality modality) {
                    vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"hate\":0.97}")));
                }

                @Override
                public Map<Category, Double> expectedFlagged(Modality modality) {
                    return Map.of(Category.HATE, 0.97);
                }
            };
        }
    }

    static final class ConstantVerdictAdapterType implements ClassifierAdapterType {

        @Override
        public String id() {
            return ID;
        }

        @Override
        public AdapterDescriptor descriptor() {
            return new AdapterDescriptor(ID, ID, SPEC, CAPABILITIES, Map.of(), "");
        }

        @Override
        public ClassifierAdapter create(ProviderContext context) {
            ReadSettings settings = SPEC.read(context.settings());
            return new ConstantVerdict(settings.url("base-url"), context.http());
        }
    }

    private record ConstantVerdict(URI baseUrl, VendorHttp http) implements ClassifierAdapter {

        @Override
        public Capabilities capabilities() {
            return CAPABILITIES;
        }

        @Override
        public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
            CAPABILITIES.requireSupported(input, ID);
            // The cheat: the exchange runs on its own subscription, so cancelling this Uni never reaches it.
            Uni<VendorResponse> detached = Uni.createFrom().emitter(emitter -> http
                    .send(VendorRequest.postJson(baseUrl, Map.of(), "{}".getBytes()))
                    .subscribe().with(emitter::complete, emitter::fail));
            return detached.map(response -> {
                if (response.status() / 100 != 2) {
                    throw FAILURES.classify(response, ConfidentialText.of(input));
                }
                StrictJson.object(response, ID);
                return new ProviderVerdict(Map.of(Category.HATE, 0.01), Map.of(), ID);
            });
        }
    }
}
