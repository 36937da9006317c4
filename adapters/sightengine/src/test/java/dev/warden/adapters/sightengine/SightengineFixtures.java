package dev.warden.adapters.sightengine;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.testkit.KitFixtures.json;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.testkit.KitFixtures;
import dev.warden.testkit.VendorFailure;
import dev.warden.testkit.VendorFixtures;

/**
 * Canned Sightengine answers from {@code src/test/resources/sightengine/} (VA§6, §8.3), as WireMock responses, and what
 * the kit expects of them in one text mode.
 */
final class SightengineFixtures implements VendorFixtures {

    static final String IMAGE_PATH = "/1.0/check.json";
    static final String TEXT_PATH = "/1.0/text/check.json";

    private final TextMode mode;

    SightengineFixtures(TextMode mode) {
        this.mode = mode;
    }

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        return KitFixtures.answer(status, "/sightengine/" + fixture);
    }

    @Override
    public void stubClean(WireMockServer vendor, Modality modality) {
        stub(vendor, modality, "clean");
    }

    @Override
    public void stubFlagged(WireMockServer vendor, Modality modality) {
        stub(vendor, modality, "flagged");
    }

    @Override
    public Map<Category, Double> expectedFlagged(Modality modality) {
        if (modality == Modality.IMAGE) {
            return Map.of(Category.SEXUAL, 0.91, Category.VIOLENCE_GRAPHIC, 0.77, Category.ILLICIT, 0.62);
        }
        // ML: self-harm scored .7 but is not available, so it was not evaluated.
        return mode == TextMode.ML
                ? Map.of(Category.HATE, 0.82, Category.HARASSMENT, 0.64, Category.TOXICITY, 0.91)
                : Map.of(Category.SEXUAL, 1.0, Category.HARASSMENT, 2.0 / 3, Category.PROFANITY, 1.0 / 3,
                        Category.PII, 1.0);
    }

    /** The user id is no secret, but it names the account: it must travel, and stay out of messages. */
    @Override
    public List<String> credentialsOnWire(Map<String, String> settings) {
        return List.of(settings.get("api-user"), settings.get("api-secret"));
    }

    /** VA§6.4: errors come in 200 bodies, keyed by {@code error.type}, and the same envelope may come with a status. */
    @Override
    public List<VendorFailure> vendorFailures() {
        return List.of(
                VendorFailure.of("200 argument_error code 1 (bad credentials)", answer(200, "error-credentials-200.json"),
                        Kind.AUTH),
                VendorFailure.of("200 usage_limit", answer(200, "error-usage-limit-200.json"), Kind.RATE_LIMITED),
                VendorFailure.of("200 media_error", answer(200, "error-media-200.json"), Kind.BAD_REQUEST),
                VendorFailure.of("500 unknown_error", answer(500, "error-unknown-500.json"), Kind.UNAVAILABLE),
                VendorFailure.of("401 argument_error code 1", answer(401, "error-credentials-200.json"), Kind.AUTH),
                VendorFailure.rateLimited("429 usage_limit with Retry-After", answer(429, "error-usage-limit-200.json")
                        .withHeader("Retry-After", "30"), Duration.ofSeconds(30)),
                VendorFailure.of("200 api_error", json(200, "{\"status\":\"failure\",\"error\":{\"type\":\"api_error\","
                                + "\"code\":5,\"message\":\"Internal error\"}}"), Kind.UNAVAILABLE));
    }

    /** Sightengine downloads images itself (VA§6.2): a data: URL can never reach it. */
    @Override
    public List<ClassificationInput> unsupportedInputs() {
        ContentPart.Image inline = new ContentPart.Image("data:image/png;base64,iVBORw0KGgo=");
        return List.of(new ClassificationInput(List.of(inline)),
                new ClassificationInput(List.of(new ContentPart.Text("hello"), inline)));
    }

    private void stub(WireMockServer vendor, Modality modality, String kind) {
        String fixture = modality == Modality.IMAGE ? "image-" + kind + ".json"
                : "text-" + mode.wireName() + "-" + kind + ".json";
        vendor.stubFor(post(urlEqualTo(modality == Modality.IMAGE ? IMAGE_PATH : TEXT_PATH))
                .willReturn(answer(200, fixture)));
    }
}
