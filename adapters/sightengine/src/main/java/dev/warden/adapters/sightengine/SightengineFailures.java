package dev.warden.adapters.sightengine;

import static dev.warden.spi.ProviderException.Kind.AUTH;
import static dev.warden.spi.ProviderException.Kind.BAD_REQUEST;
import static dev.warden.spi.ProviderException.Kind.RATE_LIMITED;
import static dev.warden.spi.ProviderException.Kind.UNAVAILABLE;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.FailurePolicy;
import dev.warden.spi.support.StrictJson;
import dev.warden.spi.support.VendorError;

/**
 * Sightengine failures (VA§6.4), keyed on {@code error.type} because the HTTP status per type is unconfirmed (❓):
 * the same envelope in a 200 body or under any status maps the same way, and a non-2xx answer without it falls back
 * to the status defaults. The documented bad-credentials answer is an {@code argument_error} with code 1, told apart
 * from other argument errors as {@value #BAD_CREDENTIALS}.
 */
final class SightengineFailures {

    /** How {@link #error} names the documented "Incorrect API user or API secret" argument error. */
    static final String BAD_CREDENTIALS = "argument_error#1";

    static final FailurePolicy POLICY = FailurePolicy.builder(SightengineAdapter.VENDOR)
            .errors(SightengineFailures::error)
            .code("credentials_error", AUTH)
            .code(BAD_CREDENTIALS, AUTH)
            .code("argument_error", BAD_REQUEST)
            .code("usage_limit", RATE_LIMITED)
            .code("plan_error", AUTH)
            .code("media_error", BAD_REQUEST)
            .code("request_error", BAD_REQUEST)
            .code("callback_error", BAD_REQUEST)
            .code("api_error", UNAVAILABLE)
            .code("unknown_error", UNAVAILABLE)
            .authHint("check api-user and api-secret, and the plan's quota")
            .build();

    private SightengineFailures() {
    }

    /** Lenient, as an error answer may be anything: no JSON means no envelope, and the status decides. */
    private static VendorError error(VendorResponse response) {
        try {
            JsonNode root = StrictJson.MAPPER.readTree(response.body());
            return root == null ? VendorError.none() : error(root);
        } catch (IOException notJson) {
            return VendorError.none();
        }
    }

    /** The {@code error} object of a {@code status: "failure"} answer. */
    static VendorError error(JsonNode root) {
        VendorError error = VendorError.fromJson(root, "/error/type", "/error/message");
        JsonNode code = root.at("/error/code");
        boolean badCredentials = error.hasCode("argument_error") && code.isIntegralNumber() && code.asInt() == 1;
        return badCredentials ? new VendorError(Optional.of(BAD_CREDENTIALS), error.message()) : error;
    }
}
