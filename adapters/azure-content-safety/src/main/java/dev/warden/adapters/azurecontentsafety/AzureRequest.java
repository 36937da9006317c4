package dev.warden.adapters.azurecontentsafety;

import java.net.URI;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.FetchedMedia;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.support.StrictJson;

/** The two analyze calls (VA§3.3, §3.4): text as one string, an image as base64 bytes. */
final class AzureRequest {

    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";

    private AzureRequest() {
    }

    static VendorRequest text(AzureSettings settings, String text) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode();
        body.put("text", text);
        settings.categories().forEach(body.putArray("categories")::add);
        if (!settings.blocklistNames().isEmpty()) {
            settings.blocklistNames().forEach(body.putArray("blocklistNames")::add);
            body.put("haltOnBlocklistHit", settings.haltOnBlocklistHit());
        }
        body.put("outputType", settings.textLevels().outputType());
        return post(settings, settings.textUri(), body);
    }

    static VendorRequest image(AzureSettings settings, FetchedMedia image) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode();
        body.putObject("image").put("content", Base64.getEncoder().encodeToString(image.bytes()));
        settings.categories().forEach(body.putArray("categories")::add);
        body.put("outputType", SeverityLevels.FOUR.outputType());
        return post(settings, settings.imageUri(), body);
    }

    private static VendorRequest post(AzureSettings settings, URI uri, ObjectNode body) {
        return VendorRequest.postJson(uri, Map.of(KEY_HEADER, settings.apiKey()), StrictJson.bytes(body));
    }
}
