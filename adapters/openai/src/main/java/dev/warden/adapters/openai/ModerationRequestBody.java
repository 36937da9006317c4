package dev.warden.adapters.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ContentPart;
import dev.warden.spi.support.StrictJson;

/** The JSON body of {@code POST /moderations}: the model and the content as typed parts, in the caller's order. */
final class ModerationRequestBody {

    private ModerationRequestBody() {
    }

    static byte[] of(String model, ClassificationInput input) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode();
        body.put("model", model);
        ArrayNode items = body.putArray("input");
        // Parts of other modalities never get here: the adapter refuses them before building a request.
        for (ContentPart part : input.parts()) {
            if (part instanceof ContentPart.Text text) {
                items.addObject().put("type", "text").put("text", text.text());
            } else if (part instanceof ContentPart.Image image) {
                items.addObject().put("type", "image_url").putObject("image_url").put("url", image.url());
            }
        }
        return StrictJson.bytes(body);
    }
}
