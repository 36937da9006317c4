package dev.warden.adapters.sightengine;

import java.util.Locale;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.support.VendorCall;

/**
 * One Sightengine provider: the text parts in one {@code text/check.json} call, each image in a {@code check.json}
 * call of its own; the calls run together and each category keeps its worst score. Sightengine reports failures in
 * 200 bodies too, so every answer goes through {@link SightengineVerdictReader}, which classifies them.
 */
final class SightengineAdapter implements ClassifierAdapter {

    static final String VENDOR = "Sightengine";

    static final Capabilities CAPABILITIES = Capabilities.sync(Modality.TEXT, Modality.IMAGE);

    private final VendorHttp http;
    private final SightengineSettings settings;
    private final SightengineVerdictReader reader;

    SightengineAdapter(VendorHttp http, SightengineSettings settings) {
        this.http = http;
        this.settings = settings;
        this.reader = new SightengineVerdictReader(settings.crosswalk());
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
        return Uni.createFrom().deferred(() -> {
            CAPABILITIES.requireSupported(input, VENDOR);
            input.images().forEach(SightengineAdapter::requireFetchableByVendor);
            ConfidentialText sent = ConfidentialText.of(input, settings.apiSecret()).with(settings.apiUser());
            return VendorCall.textAndEachImage(input,
                    () -> VendorCall.send(CAPABILITIES, VENDOR, input,
                            () -> http.send(SightengineRequest.text(settings, input.joinedText())),
                            response -> reader.text(response, settings.textMode(), settings.textModel(), sent),
                            SightengineFailures.POLICY, sent),
                    image -> VendorCall.send(CAPABILITIES, VENDOR, input,
                            () -> http.send(SightengineRequest.image(settings, image)),
                            response -> reader.image(response, settings.imageModel(), sent),
                            SightengineFailures.POLICY, sent),
                    VENDOR.toLowerCase(Locale.ROOT));
        });
    }

    /** Sightengine downloads the image itself, so only a URL it can reach will do; a data: URL never can. */
    private static void requireFetchableByVendor(ContentPart.Image image) {
        String url = image.url().toLowerCase(Locale.ROOT);
        if (!(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED,
                    VENDOR + " fetches images itself and takes http(s) URLs only");
        }
    }
}
