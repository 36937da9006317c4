package dev.warden.adapters.azurecontentsafety;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

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
 * Canned Azure answers from {@code src/test/resources/azure-content-safety/} (VA§3, §8.3), as WireMock responses, and
 * what the kit expects of them with the conformance test's settings ({@code labels.Hate=hate,harassment}).
 */
final class AzureFixtures implements VendorFixtures {

    static final String TEXT_PATH = "/contentsafety/text:analyze?api-version=2024-09-01";
    static final String IMAGE_PATH = "/contentsafety/image:analyze?api-version=2024-09-01";

    static ResponseDefinitionBuilder answer(int status, String fixture) {
        return KitFixtures.answer(status, "/azure-content-safety/" + fixture);
    }

    @Override
    public void stubClean(WireMockServer vendor, Modality modality) {
        stub(vendor, modality, modality == Modality.TEXT ? "text-clean.json" : "image-clean.json");
    }

    @Override
    public void stubFlagged(WireMockServer vendor, Modality modality) {
        stub(vendor, modality, modality == Modality.TEXT ? "text-flagged.json" : "image-flagged.json");
    }

    /** Four-level severities over 6; the kit's settings map Hate to harassment as well. */
    @Override
    public Map<Category, Double> expectedFlagged(Modality modality) {
        return modality == Modality.TEXT
                ? Map.of(Category.HATE, 4.0 / 6, Category.HARASSMENT, 4.0 / 6, Category.VIOLENCE, 2.0 / 6)
                : Map.of(Category.VIOLENCE, 4.0 / 6, Category.SEXUAL, 2.0 / 6);
    }

    @Override
    public List<VendorFailure> vendorFailures() {
        return List.of(
                VendorFailure.of("400 InvalidRequestBody", answer(400, "error-invalid-request-body.json"),
                        Kind.BAD_REQUEST),
                VendorFailure.of("400 InvalidResourceName", answer(400, "error-400-resource-name.json"),
                        Kind.BAD_REQUEST),
                VendorFailure.of("401 from API Management", answer(401, "error-401-apim.json"), Kind.AUTH),
                VendorFailure.of("404 ResourceNotFound (unknown blocklist)", answer(404, "error-404-blocklist.json"),
                        Kind.BAD_REQUEST),
                VendorFailure.rateLimited("429 TooManyRequests", answer(429, "error-429.json")
                        .withHeader("Retry-After", "1"), Duration.ofSeconds(1)),
                VendorFailure.of("500 InternalError", answer(500, "error-500-internal.json"), Kind.UNAVAILABLE),
                VendorFailure.of("503 ServerBusy", answer(503, "error-503-server-busy.json"), Kind.UNAVAILABLE),
                VendorFailure.of("TooManyRequests only in x-ms-error-code, on a 400", aResponse().withStatus(400)
                        .withHeader("x-ms-error-code", "TooManyRequests"), Kind.RATE_LIMITED));
    }

    /** Azure takes at most 10,000 characters of text (VA§3.3); with an image too, nothing is fetched either. */
    @Override
    public List<ClassificationInput> unsupportedInputs() {
        ContentPart.Text tooLong = new ContentPart.Text("x".repeat(AzureContentSafetyAdapter.MAX_TEXT_CODE_POINTS + 1));
        return List.of(new ClassificationInput(List.of(tooLong)),
                new ClassificationInput(List.of(tooLong, new ContentPart.Image("https://cdn.example.com/kit/cat.png"))));
    }

    private static void stub(WireMockServer vendor, Modality modality, String fixture) {
        vendor.stubFor(post(urlEqualTo(modality == Modality.TEXT ? TEXT_PATH : IMAGE_PATH))
                .willReturn(answer(200, fixture)));
    }
}
