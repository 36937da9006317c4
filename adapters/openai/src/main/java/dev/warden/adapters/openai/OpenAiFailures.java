package dev.warden.adapters.openai;

import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.RetryAfter;
import dev.warden.spi.support.FailurePolicy;
import dev.warden.spi.support.VendorError;

/**
 * OpenAI's failures: the shared status defaults, keyed also on the error {@code code} of OpenAI's envelope
 * {@code {"error":{"message","type","code"}}} ({@code type} varies between observed answers; {@code code} is the stable
 * key). Credential errors never repeat OpenAI's text, which echoes part of the key.
 */
final class OpenAiFailures {

    /** A 429 that waiting will not fix: the account is out of credit. */
    static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    static final FailurePolicy POLICY = FailurePolicy.builder(OpenAiModerationAdapter.VENDOR)
            .errors(response -> VendorError.fromJson(response, "/error/code", "/error/message"))
            .code(429, INSUFFICIENT_QUOTA, Kind.AUTH)
            .hint(INSUFFICIENT_QUOTA, "quota exhausted, check the account's plan and billing")
            .authHint("the API key, organization or project was rejected")
            // OpenAI's SDKs prefer the millisecond header when both are present; so do we.
            .retryAfter(response -> response.header("retry-after-ms").flatMap(RetryAfter::parseMillis)
                    .or(() -> response.header("retry-after").flatMap(RetryAfter::parse)))
            .build();

    private OpenAiFailures() {
    }
}
