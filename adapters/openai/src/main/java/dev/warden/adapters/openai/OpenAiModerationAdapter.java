package dev.warden.adapters.openai;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.support.VendorCall;

/** One OpenAI Moderation provider: text and one image per call, answered synchronously. */
public class OpenAiModerationAdapter implements ClassifierAdapter {

    static final String VENDOR = "OpenAI";
    static final Capabilities CAPABILITIES = Capabilities.sync(Modality.TEXT, Modality.IMAGE);

    /** OpenAI answers 400 too_many_images beyond this; refusing up front spares the call and the quota. */
    static final int MAX_IMAGES_PER_REQUEST = 1;

    private final VendorHttp http;
    private final OpenAiSettings settings;

    OpenAiModerationAdapter(VendorHttp http, OpenAiSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
        return VendorCall.send(CAPABILITIES, "OpenAI moderation", input, () -> {
            refuseTooManyImages(input);
            return http.send(VendorRequest.postJson(settings.moderationsUri(), settings.headers(),
                    ModerationRequestBody.of(settings.model(), input)));
        }, response -> OpenAiVerdictReader.read(response, settings.model()), OpenAiFailures.POLICY,
                ConfidentialText.of(input, settings.apiKey()));
    }

    private static void refuseTooManyImages(ClassificationInput input) {
        int images = input.images().size();
        if (images > MAX_IMAGES_PER_REQUEST) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "OpenAI moderation accepts at most "
                    + MAX_IMAGES_PER_REQUEST + " image per request, got " + images);
        }
    }

    @Override
    public String toString() {
        return "OpenAiModerationAdapter[" + settings + "]";
    }
}
