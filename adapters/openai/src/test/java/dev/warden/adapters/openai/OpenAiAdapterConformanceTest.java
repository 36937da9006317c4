package dev.warden.adapters.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.util.Map.entry;

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

class OpenAiAdapterConformanceTest extends ClassifierAdapterConformanceTest {

    @Override
    protected ClassifierAdapterType adapterType() {
        return new OpenAiAdapterType();
    }

    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        return Map.of(
                "base-url", vendorBaseUrl + "/v1",
                "api-key", "sk-test-conformance",
                "model", "omni-moderation-latest",
                "organization", "org-warden",
                "project", "proj_warden");
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        return Set.of(Behavior.TEXT, Behavior.IMAGE, Behavior.NETWORK);
    }

    @Override
    protected VendorFixtures fixtures() {
        return new VendorFixtures() {
            @Override
            public void stubClean(WireMockServer vendor, Modality modality) {
                stub(vendor, "clean.json");
            }

            @Override
            public void stubFlagged(WireMockServer vendor, Modality modality) {
                stub(vendor, modality == Modality.TEXT ? "flagged.json" : "image.json");
            }

            /** The highest score of each category's labels; image-only requests leave text-only labels out. */
            @Override
            public Map<Category, Double> expectedFlagged(Modality modality) {
                return modality == Modality.TEXT
                        ? Map.ofEntries(entry(Category.HARASSMENT, 0.9), entry(Category.THREAT, 0.9),
                                entry(Category.HATE, 0.31), entry(Category.ILLICIT, 0.6),
                                entry(Category.VIOLENCE, 0.6), entry(Category.SELF_HARM, 0.7),
                                entry(Category.SEXUAL, 0.01), entry(Category.SEXUAL_MINORS, 0.002),
                                entry(Category.VIOLENCE_GRAPHIC, 0.03))
                        : Map.of(Category.VIOLENCE, 0.8599, Category.VIOLENCE_GRAPHIC, 0.041,
                                Category.SELF_HARM, 0.0012, Category.SEXUAL, 2.3e-7);
            }

            @Override
            public List<VendorFailure> vendorFailures() {
                return List.of(
                        VendorFailure.of("429 insufficient_quota is a billing problem",
                                OpenAiFixtures.answer(429, "error-insufficient-quota.json"), Kind.AUTH),
                        VendorFailure.rateLimited("retry-after-ms wins over retry-after",
                                OpenAiFixtures.answer(429, "error-rate-limit.json").withHeader("retry-after-ms", "1500")
                                        .withHeader("retry-after", "9"), Duration.ofMillis(1500)),
                        VendorFailure.of("404 model_not_found", OpenAiFixtures.answer(404, "error-model-not-found.json"),
                                Kind.BAD_REQUEST),
                        VendorFailure.of("401 invalid_api_key", OpenAiFixtures.answer(401,
                                "error-invalid-api-key.json"), Kind.AUTH),
                        VendorFailure.of("a score outside 0..1", OpenAiFixtures.answer(200, "score-out-of-range.json"),
                                Kind.INVALID_RESPONSE));
            }

            @Override
            public List<ClassificationInput> unsupportedInputs() {
                return List.of(new ClassificationInput(List.of(new ContentPart.Image("https://cdn.example.com/a.png"),
                        new ContentPart.Image("https://cdn.example.com/b.png"))));
            }
        };
    }

    private static void stub(WireMockServer vendor, String fixture) {
        vendor.stubFor(post(urlEqualTo(OpenAiFixtures.MODERATIONS_PATH))
                .willReturn(OpenAiFixtures.answer(200, fixture)));
    }
}
