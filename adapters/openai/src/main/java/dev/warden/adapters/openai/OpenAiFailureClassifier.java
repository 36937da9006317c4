package dev.warden.adapters.openai;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.RetryAfter;
import dev.warden.spi.VendorResponse;

/**
 * Turns a non-2xx OpenAI answer into a {@link ProviderException}, keyed on HTTP status and the error {@code code}.
 * Messages carry OpenAI's own explanation where it helps an operator, but never the API key or the content: a vendor
 * message quoting either is withheld, and credential errors never repeat OpenAI's text (it echoes part of the key).
 */
final class OpenAiFailureClassifier {

    /** A 429 that waiting will not fix: the account is out of credit. */
    private static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    private static final String WITHHELD = "(OpenAI's message withheld: it quotes the request)";

    /** Long enough for any OpenAI explanation seen so far, short enough to keep logs and outcomes readable. */
    private static final int MAX_VENDOR_MESSAGE_LENGTH = 300;

    private OpenAiFailureClassifier() {
    }

    /** {@code confidential}: strings that must not appear in the message (the API key, the content sent). */
    static ProviderException classify(VendorResponse response, Collection<String> confidential) {
        int status = response.status();
        OpenAiError error = OpenAiError.of(response);
        String summary = "OpenAI answered " + status + error.code().map(code -> " " + code).orElse("");
        String explained = summary + vendorMessage(error, confidential).map(message -> ": " + message).orElse("");
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

    private static Optional<String> vendorMessage(OpenAiError error, Collection<String> confidential) {
        return error.message().map(message -> quotesAny(message, confidential) ? WITHHELD : tidy(message));
    }

    private static boolean quotesAny(String message, Collection<String> confidential) {
        return confidential.stream().anyMatch(secret -> !secret.isBlank() && message.contains(secret));
    }

    /** One line, bounded: the message ends up in logs and in the provider outcome callers see. */
    private static String tidy(String message) {
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_VENDOR_MESSAGE_LENGTH ? oneLine
                : oneLine.substring(0, MAX_VENDOR_MESSAGE_LENGTH) + "…";
    }

    /** OpenAI's SDKs prefer the millisecond header when both are present; so do we. */
    private static Optional<Duration> retryAfter(VendorResponse response) {
        return response.header("retry-after-ms").flatMap(RetryAfter::parseMillis)
                .or(() -> response.header("retry-after").flatMap(RetryAfter::parse));
    }
}
