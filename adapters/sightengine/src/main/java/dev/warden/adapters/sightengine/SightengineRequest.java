package dev.warden.adapters.sightengine;

import java.util.Map;

import dev.warden.spi.ContentPart;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.support.FormBody;

/**
 * The two calls (VA§6.2, §6.3), both form posts: credentials travel as form fields, never in the query, so no proxy
 * or access log along the way records the secret (VA§6.1). Images go by URL: Sightengine fetches them itself.
 */
final class SightengineRequest {

    private SightengineRequest() {
    }

    static VendorRequest image(SightengineSettings settings, ContentPart.Image image) {
        FormBody form = FormBody.of()
                .field("url", image.url())
                .field("models", String.join(",", settings.models()));
        return credentials(settings, form).post(settings.imageUri(), Map.of());
    }

    static VendorRequest text(SightengineSettings settings, String text) {
        FormBody form = FormBody.of()
                .field("text", text)
                .field("lang", settings.lang())
                .field("mode", settings.textMode().wireName());
        if (settings.textMode() == TextMode.ML) {
            form = form.field("models", String.join(",", settings.textModels()));
        } else {
            if (!settings.optCountries().isEmpty()) {
                form = form.field("opt_countries", String.join(",", settings.optCountries()));
            }
            if (settings.textList().isPresent()) {
                form = form.field("list", settings.textList().get());
            }
        }
        return credentials(settings, form).post(settings.textUri(), Map.of());
    }

    private static FormBody credentials(SightengineSettings settings, FormBody form) {
        return form.field("api_user", settings.apiUser()).field("api_secret", settings.apiSecret());
    }
}
