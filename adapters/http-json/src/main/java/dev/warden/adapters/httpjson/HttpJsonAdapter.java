package dev.warden.adapters.httpjson;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.support.VendorCall;

/** One configured JSON vendor: the template filled with the content, one call, the answer read as configured. */
final class HttpJsonAdapter implements ClassifierAdapter {

    /** The template has one {@code ${image_url}}; a second image would be dropped silently, so it is refused. */
    static final int MAX_IMAGES = 1;

    private final VendorHttp http;
    private final HttpJsonSettings settings;
    private final Capabilities capabilities;

    HttpJsonAdapter(VendorHttp http, HttpJsonSettings settings) {
        this.http = http;
        this.settings = settings;
        this.capabilities = new Capabilities(settings.modalities(), false);
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
        String vendor = settings.reader().vendor();
        return VendorCall.send(capabilities, vendor, input, () -> {
            if (input.images().size() > MAX_IMAGES) {
                throw new ProviderException(ProviderException.Kind.UNSUPPORTED, vendor + " takes at most " + MAX_IMAGES
                        + " image per call, got " + input.images().size());
            }
            return http.send(settings.endpoint().request(settings.template().bind(input)));
        }, settings.reader()::read, settings.failures(), ConfidentialText.of(input, settings.secretValues()));
    }

    @Override
    public String toString() {
        return "HttpJsonAdapter[" + settings + "]";
    }
}
