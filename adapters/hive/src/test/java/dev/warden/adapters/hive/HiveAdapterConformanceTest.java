package dev.warden.adapters.hive;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.adapters.hive.HiveFixtures.ASYNC_PATH;
import static dev.warden.adapters.hive.HiveFixtures.SYNC_PATH;
import static dev.warden.adapters.hive.HiveFixtures.TEXT_KEY;
import static dev.warden.adapters.hive.HiveFixtures.VISUAL_KEY;
import static dev.warden.adapters.hive.HiveFixtures.answer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.testkit.ClassifierAdapterConformanceTest;
import dev.warden.testkit.VendorFailure;
import dev.warden.testkit.VendorFixtures;

/** The kit on Hive: text and images, answered by callback (async) or at once (sync), with Hive's own failures. */
class HiveAdapterConformanceTest extends ClassifierAdapterConformanceTest {

    private final HiveKitFixtures fixtures = new HiveKitFixtures();

    @Override
    protected ClassifierAdapterType adapterType() {
        return new HiveAdapterType();
    }

    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        return Map.of("base-url", vendorBaseUrl + "/api", "text-api-key", TEXT_KEY, "visual-api-key", VISUAL_KEY,
                "mode", "auto", "max-text-length", "1024", "text-classes.promotions", "spam",
                "visual-classes.general_suggestive", "");
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        return Set.of(Behavior.TEXT, Behavior.IMAGE, Behavior.NETWORK, Behavior.ANSWERS_BY_CALLBACK,
                Behavior.SYNC_WITHOUT_CALLBACK, Behavior.ERRORS_IN_SUCCESS_BODY);
    }

    @Override
    protected VendorFixtures fixtures() {
        return fixtures;
    }

    /**
     * Hive's answers per project. The kit asks for the callback body and the credentials without naming the modality;
     * both follow the modality stubbed last, which is the one the kit then classifies (one project, one key per
     * task).
     */
    private static final class HiveKitFixtures implements VendorFixtures {

        private Modality stubbed = Modality.TEXT;

        @Override
        public void stubClean(WireMockServer vendor, Modality modality) {
            stub(vendor, modality, modality == Modality.TEXT ? "text-clean.json" : "visual-clean.json");
        }

        @Override
        public void stubFlagged(WireMockServer vendor, Modality modality) {
            stub(vendor, modality, modality == Modality.TEXT ? "text-sync-flagged.json" : "visual-flagged.json");
        }

        private void stub(WireMockServer vendor, Modality modality, String syncAnswer) {
            stubbed = modality;
            vendor.stubFor(post(urlEqualTo(SYNC_PATH)).willReturn(answer(200, syncAnswer)));
            vendor.stubFor(post(urlEqualTo(ASYNC_PATH)).willReturn(answer(200, "async-ack.json")));
        }

        @Override
        public Map<Category, Double> expectedFlagged(Modality modality) {
            return modality == Modality.TEXT
                    ? Map.of(Category.SEXUAL, 1.0, Category.VIOLENCE, 1.0 / 3, Category.HARASSMENT, 1.0,
                            Category.PROFANITY, 1.0, Category.HATE, 0.0, Category.SPAM, 0.0, Category.PII, 0.0)
                    : Map.of(Category.SEXUAL, 0.01, Category.VIOLENCE, 0.9, Category.HATE, 0.25);
        }

        @Override
        public String callbackBody(boolean flagged) {
            if (stubbed == Modality.TEXT) {
                return HiveFixtures.body(flagged ? "callback-text-flagged.json" : "callback-text-clean.json");
            }
            return HiveFixtures.body(flagged ? "callback-visual-flagged.json" : "visual-clean.json");
        }

        @Override
        public List<String> credentialsOnWire(Map<String, String> settings) {
            return List.of(stubbed == Modality.TEXT ? TEXT_KEY : VISUAL_KEY);
        }

        @Override
        public List<VendorFailure> vendorFailures() {
            return List.of(
                    VendorFailure.rateLimited("429 project rate limited", answer(429, "error-429.json")
                            .withHeader("Retry-After", "2"), Duration.ofSeconds(2)),
                    VendorFailure.of("429 without Retry-After", answer(429, "error-429.json"), Kind.RATE_LIMITED),
                    VendorFailure.of("task error 2100 (download)", answer(200, "task-error-2100.json"),
                            Kind.BAD_REQUEST),
                    VendorFailure.of("task error 3000 (classifier)", answer(200, "task-error-3000.json"),
                            Kind.UNAVAILABLE),
                    VendorFailure.of("task error 3401 (timeout)", answer(200, "task-error-3401.json"),
                            Kind.TIMEOUT));
        }

        @Override
        public List<ClassificationInput> unsupportedInputs() {
            return List.of(new ClassificationInput(List.of(new ContentPart.Text("x".repeat(1025)))));
        }
    }
}
