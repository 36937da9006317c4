package dev.warden.adapters.openai;

import java.time.Duration;
import java.util.Optional;

import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.RetryAfter;
import dev.warden.spi.VendorResponse;

/**
 * Turns a non-2xx OpenAI answer into a {@link ProviderException}, keyed on HTTP status and the error {@code code}.
 * Messages carry OpenAI's own explanation where it helps an operator, but never the API key or the content: a vendor
 * message or code quoting any part of either is withheld ({@link ConfidentialText}), and credential errors never
 * repeat OpenAI's text (it echoes part of the key).
 */
final class OpenAiFailureClassifier {

    /** A 429 that waiting will not fix: the account is out of credit. */
    private static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    private OpenAiFailureClassifier() {
    }

    /** {@code confidential}: what the call sent, which the message must not quote. */
    static ProviderException classify(VendorResponse response, ConfidentialText confidential) {
        int status = response.status();
        OpenAiError error = OpenAiError.of(response);
        Optional<String> code = error.code().filter(value -> !confidential.isQuotedIn(value));
        String summary = "OpenAI answered " + status + code.map(value -> " " + value).orElse("");
        String explained = summary + error.message().map(message -> ": " + confidential.shareable(message))
                .orElse("");
        if (status == 429 && error.hasCode(INSUFFICIENT_QUOTA)) {
            return new ProviderException(Kind.AUTH,
                    summary + ": quota exhausted, check the account's plan and billing");
        }
        if (status == 429) {
            return ProviderException.rateLimited(explained, retryAfter(response).orElse(null));
        }
        if (status == 401 || status == 403) {
            return new ProviderException(Kind.AUTH, summary + ": the API key, organization or project was rejected");
        }
        if (status == 408) {
            return new ProviderException(Kind.TIMEOUT, explained);
        }
        if (status >= 500 && status <= 599) {
            return new ProviderException(Kind.UNAVAILABLE, explained);
        }
        // 400 and 422 are our input; 404 is a wrong base-url or model. Neither is the vendor being unhealthy.
        if (status >= 400 && status <= 499) {
            return new ProviderException(Kind.BAD_REQUEST, explained);
        }
        return new ProviderException(Kind.INVALID_RESPONSE, summary + ", which is not a moderation answer");
    }

    /** OpenAI's SDKs prefer the millisecond header when both are present; so do we. */
    private static Optional<Duration> retryAfter(VendorResponse response) {
        return response.header("retry-after-ms").flatMap(RetryAfter::parseMillis)
                .or(() -> response.header("retry-after").flatMap(RetryAfter::parse));
    }
}
