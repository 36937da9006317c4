package dev.warden.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.util.Map.entry;

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

class AwsAdapterConformanceTest extends ClassifierAdapterConformanceTest {

    private static final String ACCESS_KEY_ID = "AKIAKITCONFORMANCE01";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEKitConformanceSessionToken";

    @Override
    protected ClassifierAdapterType adapterType() {
        return new AwsAdapterType();
    }

    /** Every documented setting; the keys are given, so the SDK's default chains are never asked. */
    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        return Map.ofEntries(
                entry("region", "us-east-1"),
                entry("access-key-id", ACCESS_KEY_ID),
                entry("secret-access-key", "kitSecretAccessKey/0123456789abcdefghijkl"),
                entry("session-token", SESSION_TOKEN),
                entry("base-url", vendorBaseUrl),
                entry("comprehend-base-url", vendorBaseUrl),
                entry("rekognition-base-url", vendorBaseUrl),
                entry("min-confidence", "50"),
                entry("language-code", "en"),
                entry("image-source", "fetch"),
                entry("labels.Alcohol", "illicit"));
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        return Set.of(Behavior.TEXT, Behavior.IMAGE, Behavior.NETWORK, Behavior.FETCHES_IMAGE_BYTES);
    }

    @Override
    protected VendorFixtures fixtures() {
        return new VendorFixtures() {
            @Override
            public void stubClean(WireMockServer vendor, Modality modality) {
                stub(vendor, "comprehend-clean.json", "rekognition-clean.json");
            }

            @Override
            public void stubFlagged(WireMockServer vendor, Modality modality) {
                stub(vendor, "comprehend-flagged.json", "rekognition-flagged.json");
            }

            /**
             * Text: every Comprehend label, INSULT and HARASSMENT_OR_ABUSE both feeding harassment. Image: "Explicit
             * Nudity" (L2, 99.2) lifts "Explicit" (97.5); "Graphic Violence" (L2) stands for the absent "Violence";
             * "Swimwear or Underwear" is vendor-only, and every label AWS did not send stays absent.
             */
            @Override
            public Map<Category, Double> expectedFlagged(Modality modality) {
                return modality == Modality.TEXT
                        ? Map.ofEntries(entry(Category.TOXICITY, 0.83), entry(Category.HARASSMENT, 0.79),
                                entry(Category.PROFANITY, 0.12), entry(Category.HATE, 0.05),
                                entry(Category.VIOLENCE_GRAPHIC, 0.01), entry(Category.SEXUAL, 0.02),
                                entry(Category.VIOLENCE, 0.03), entry(Category.THREAT, 0.03))
                        : Map.of(Category.SEXUAL, 0.992, Category.VIOLENCE, 0.885);
            }

            /** The access key id travels in {@code Authorization}, the session token in its own header. */
            @Override
            public List<String> credentialsOnWire(Map<String, String> settings) {
                return List.of(settings.get("access-key-id"), settings.get("session-token"));
            }

            @Override
            public List<VendorFailure> vendorFailures() {
                return List.of(
                        VendorFailure.of("400 ThrottlingException", AwsFixtures.fixture(400, "error-throttling.json"),
                                Kind.RATE_LIMITED),
                        VendorFailure.of("400 namespaced ThrottlingException",
                                AwsFixtures.fixture(400, "error-namespaced-throttling.json"), Kind.RATE_LIMITED),
                        VendorFailure.of("400 with only x-amzn-ErrorType", aResponse().withStatus(400)
                                .withHeader("x-amzn-ErrorType", "TooManyRequestsException:http://internal.amazon.com/"),
                                Kind.RATE_LIMITED),
                        VendorFailure.of("400 AccessDeniedException", AwsFixtures.fixture(400, "error-access-denied.json"), Kind.AUTH),
                        VendorFailure.of("400 ExpiredTokenException", AwsFixtures.answer(400,
                                "{\"__type\":\"ExpiredTokenException\",\"message\":\"expired\"}"), Kind.AUTH),
                        VendorFailure.of("500 InternalServerError", AwsFixtures.fixture(500, "error-internal.json"),
                                Kind.UNAVAILABLE),
                        VendorFailure.of("400 TextSizeLimitExceededException", AwsFixtures.fixture(400, "error-text-size.json"),
                                Kind.BAD_REQUEST),
                        VendorFailure.of("400 UnsupportedLanguageException",
                                AwsFixtures.fixture(400, "error-unsupported-language.json"), Kind.BAD_REQUEST),
                        VendorFailure.of("400 ImageTooLargeException", AwsFixtures.fixture(400, "error-image-too-large.json"),
                                Kind.BAD_REQUEST),
                        VendorFailure.of("400 InvalidImageFormatException",
                                AwsFixtures.fixture(400, "error-invalid-image-format.json"), Kind.BAD_REQUEST));
            }

            /** An S3 object needs image-source=s3; fetching it would fail on the caller's URL, not AWS's health. */
            @Override
            public List<ClassificationInput> unsupportedInputs() {
                return List.of(new ClassificationInput(List.of(new ContentPart.Image("s3://warden-media/cat.png"))));
            }
        };
    }

    private static void stub(WireMockServer vendor, String comprehend, String rekognition) {
        vendor.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo(AwsOperation.DETECT_TOXIC_CONTENT.target())).willReturn(AwsFixtures.fixture(200, comprehend)));
        vendor.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo(AwsOperation.DETECT_MODERATION_LABELS.target())).willReturn(AwsFixtures.fixture(200, rekognition)));
    }
}
