package dev.warden.adapters.azurecontentsafety;

import static dev.warden.spi.ProviderException.Kind.BAD_REQUEST;
import static dev.warden.spi.ProviderException.Kind.RATE_LIMITED;
import static dev.warden.spi.ProviderException.Kind.UNAVAILABLE;

import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.FailurePolicy;
import dev.warden.spi.support.VendorError;

/**
 * Azure AI Content Safety failures (VA§3.7). The documented codes decide where the status alone could mislead (the
 * HTTP status per code is unconfirmed, 🟡); the API Management front door answers 401/429 with its own numeric codes,
 * which the status defaults cover. The 401 text names the key problem and is never repeated.
 */
final class AzureFailures {

    static final FailurePolicy POLICY = FailurePolicy.builder(AzureContentSafetyAdapter.VENDOR)
            .errors(AzureFailures::error)
            .code("TooManyRequests", RATE_LIMITED)
            .code("ServerBusy", UNAVAILABLE)
            .code("InternalError", UNAVAILABLE)
            .code("InvalidRequestBody", BAD_REQUEST)
            .code("InvalidResourceName", BAD_REQUEST)
            // An unknown blocklist name: the configuration is wrong, the vendor is healthy.
            .code("ResourceNotFound", BAD_REQUEST)
            .authHint("check api-key and that base-url is this resource's endpoint")
            .build();

    private AzureFailures() {
    }

    /** The Azure.Core envelope; the {@code x-ms-error-code} header stands in when the body has no code. */
    private static VendorError error(VendorResponse response) {
        return VendorError.fromJson(response, "/error/code", "/error/message")
                .withCode(response.header("x-ms-error-code"));
    }
}
