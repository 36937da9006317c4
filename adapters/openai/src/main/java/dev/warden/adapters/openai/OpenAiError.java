package dev.warden.adapters.openai;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.VendorResponse;

/**
 * OpenAI's error envelope, {@code {"error":{"message":…,"type":…,"code":…}}}, read leniently: proxies and load
 * balancers in front of OpenAI answer plain text or HTML, which simply yields no code and no message. {@code type} is
 * not read because its values vary between observed answers; {@code code} is the stable key.
 */
record OpenAiError(Optional<String> code, Optional<String> message) {

    private static final OpenAiError NONE = new OpenAiError(Optional.empty(), Optional.empty());

    /** OpenAI's codes are short identifiers ({@code rate_limit_exceeded}); anything else is not a code to repeat. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    static OpenAiError of(VendorResponse response) {
        try {
            JsonNode error = OpenAiJson.MAPPER.readTree(response.body()).path("error");
            return new OpenAiError(text(error.path("code")).filter(CODE.asMatchPredicate()),
                    text(error.path("message")));
        } catch (IOException notJson) {
            return NONE;
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    boolean hasCode(String expected) {
        return code.filter(expected::equals).isPresent();
    }
}
