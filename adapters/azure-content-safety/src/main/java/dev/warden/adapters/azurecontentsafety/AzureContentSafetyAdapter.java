package dev.warden.adapters.azurecontentsafety;

import java.util.Set;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.MediaFetcher;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.support.VendorCall;

/**
 * One Azure AI Content Safety provider. The text parts go in one {@code text:analyze} call, each image in an
 * {@code image:analyze} call of its own with bytes from the media fetcher (Azure reads no arbitrary URL, VA§3.4);
 * the calls run together and each category keeps its worst score.
 */
final class AzureContentSafetyAdapter implements ClassifierAdapter {

    static final String VENDOR = "Azure AI Content Safety";

    static final Capabilities CAPABILITIES = Capabilities.sync(Modality.TEXT, Modality.IMAGE);

    /** Azure refuses longer text (VA§3.3); refusing up front spares the call and the quota. */
    static final int MAX_TEXT_CODE_POINTS = 10_000;

    static final long MAX_IMAGE_BYTES = 4L * 1024 * 1024;

    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff",
            "image/webp");

    private final VendorHttp http;
    private final MediaFetcher media;
    private final AzureSettings settings;
    private final AzureVerdictReader reader;

    AzureContentSafetyAdapter(VendorHttp http, MediaFetcher media, AzureSettings settings) {
        this.http = http;
        this.media = media;
        this.settings = settings;
        this.reader = new AzureVerdictReader(settings);
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
        return Uni.createFrom().deferred(() -> {
            CAPABILITIES.requireSupported(input, VENDOR);
            ConfidentialText sent = ConfidentialText.of(input, settings.apiKey());
            return VendorCall.textAndEachImage(input, () -> text(input, input.joinedText(), sent),
                    image -> image(input, image, sent), settings.model());
        });
    }

    private Uni<ProviderVerdict> text(ClassificationInput input, String text, ConfidentialText sent) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints > MAX_TEXT_CODE_POINTS) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, VENDOR + " analyzes at most "
                    + MAX_TEXT_CODE_POINTS + " characters of text per call, got " + codePoints);
        }
        return VendorCall.send(CAPABILITIES, VENDOR, input, () -> http.send(AzureRequest.text(settings, text)),
                response -> reader.read(response, settings.textLevels().scale()), AzureFailures.POLICY, sent);
    }

    private Uni<ProviderVerdict> image(ClassificationInput input, ContentPart.Image image, ConfidentialText sent) {
        return VendorCall.send(CAPABILITIES, VENDOR, input,
                () -> media.fetch(image, MAX_IMAGE_BYTES, IMAGE_TYPES)
                        .flatMap(bytes -> http.send(AzureRequest.image(settings, bytes))),
                response -> reader.read(response, SeverityLevels.FOUR.scale()), AzureFailures.POLICY, sent);
    }
}
