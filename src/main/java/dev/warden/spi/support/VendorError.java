package dev.warden.spi.support;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.VendorResponse;

/**
 * A vendor's error envelope, reduced to what a failure message may use: a short code and the vendor's explanation.
 * Read leniently: proxies and load balancers in front of a vendor answer plain text or HTML, which simply yields
 * neither. The message is the vendor's text and may quote the request; it only reaches a caller through
 * {@link dev.warden.spi.ConfidentialText#shareable}, which {@link FailurePolicy} applies.
 */
public record VendorError(Optional<String> code, Optional<String> message) {

    /**
     * Vendors' codes are short identifiers ({@code rate_limit_exceeded}, {@code com.amazonaws#ThrottlingException},
     * {@code 1}); anything else is not a code to repeat or to match on.
     */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.#:-]{1,64}");

    private static final VendorError NONE = new VendorError(Optional.empty(), Optional.empty());

    public VendorError {
        code = code.filter(CODE.asMatchPredicate());
        message = message.filter(text -> !text.isBlank());
    }

    public static VendorError none() {
        return NONE;
    }

    /** The code and message at these JSON pointers of the body; a body that is not JSON yields {@link #none()}. */
    public static VendorError fromJson(VendorResponse response, String codePointer, String messagePointer) {
        try {
            JsonNode body = StrictJson.MAPPER.readTree(response.body());
            return body == null ? NONE : fromJson(body, codePointer, messagePointer);
        } catch (IOException notJson) {
            return NONE;
        }
    }

    /** A code may be a string or a whole number ({@code "code": 1}); the message must be a string. */
    public static VendorError fromJson(JsonNode body, String codePointer, String messagePointer) {
        JsonNode code = body.at(codePointer);
        JsonNode message = body.at(messagePointer);
        return new VendorError(
                code.isTextual() || code.isIntegralNumber() ? Optional.of(code.asText()) : Optional.empty(),
                message.isTextual() ? Optional.of(message.asText()) : Optional.empty());
    }

    /** This error, with {@code fallback} as its code when the body had none (a vendor's error-code header). */
    public VendorError withCode(Optional<String> fallback) {
        return code.isPresent() ? this : new VendorError(fallback.map(String::trim), message);
    }

    public boolean hasCode(String expected) {
        return code.filter(expected::equals).isPresent();
    }
}
