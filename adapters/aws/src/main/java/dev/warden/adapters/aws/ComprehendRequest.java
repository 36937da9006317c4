package dev.warden.adapters.aws;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.support.StrictJson;

/** The body of one DetectToxicContent call: {@code {"LanguageCode":"en","TextSegments":[{"Text":…},…]}}. */
final class ComprehendRequest {

    private ComprehendRequest() {
    }

    static byte[] body(String languageCode, List<String> segments) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode();
        body.put("LanguageCode", languageCode);
        ArrayNode textSegments = body.putArray("TextSegments");
        segments.forEach(segment -> textSegments.addObject().put("Text", segment));
        return StrictJson.bytes(body);
    }
}
