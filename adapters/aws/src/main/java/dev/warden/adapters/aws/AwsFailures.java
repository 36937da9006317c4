package dev.warden.adapters.aws;

import java.util.List;
import java.util.Optional;

import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.FailurePolicy;
import dev.warden.spi.support.VendorError;

/**
 * How AWS reports failures: the exception name in the body's {@code __type} (possibly namespaced,
 * {@code com.amazonaws…#ThrottlingException}) or in the {@code x-amzn-ErrorType} header
 * ({@code ThrottlingException:http://…}), and the message in {@code message} or {@code Message}. The name decides the
 * kind, not the status: AWS throttles with 400.
 */
final class AwsFailures {

    static final List<String> RATE_LIMITED = List.of("ThrottlingException", "ProvisionedThroughputExceededException",
            "TooManyRequestsException", "LimitExceededException");
    static final List<String> AUTH = List.of("AccessDeniedException", "UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException",
            "HumanLoopQuotaExceededException");
    static final List<String> UNAVAILABLE = List.of("InternalServerError", "InternalServerException",
            "ServiceUnavailableException");
    static final List<String> BAD_REQUEST = List.of("ImageTooLargeException", "InvalidImageFormatException",
            "InvalidParameterException", "InvalidS3ObjectException", "TextSizeLimitExceededException",
            "UnsupportedLanguageException", "InvalidRequestException");

    static final FailurePolicy COMPREHEND = policy(AwsOperation.DETECT_TOXIC_CONTENT);
    static final FailurePolicy REKOGNITION = policy(AwsOperation.DETECT_MODERATION_LABELS);

    private AwsFailures() {
    }

    private static FailurePolicy policy(AwsOperation operation) {
        FailurePolicy.Builder policy = FailurePolicy.builder(operation.vendorName())
                .errors(AwsFailures::read)
                .authHint("AWS refused the credentials or their permissions; check the provider's access-key-id and "
                        + "secret-access-key (or the default credential chain), its region, and that the IAM policy "
                        + "allows " + operation.target());
        RATE_LIMITED.forEach(name -> policy.code(name, Kind.RATE_LIMITED));
        AUTH.forEach(name -> policy.code(name, Kind.AUTH));
        UNAVAILABLE.forEach(name -> policy.code(name, Kind.UNAVAILABLE));
        BAD_REQUEST.forEach(name -> policy.code(name, Kind.BAD_REQUEST));
        return policy.build();
    }

    /** The exception name from the body, else from the header; the message from either spelling AWS uses. */
    static VendorError read(VendorResponse response) {
        VendorError lowerCase = VendorError.fromJson(response, "/__type", "/message");
        VendorError error = lowerCase.message().isPresent() ? lowerCase
                : VendorError.fromJson(response, "/__type", "/Message");
        Optional<String> name = error.code().or(() -> response.header("x-amzn-ErrorType"))
                .map(AwsFailures::exceptionName);
        return new VendorError(name, error.message());
    }

    /** {@code com.amazonaws.x#ThrottlingException} and {@code ThrottlingException:http://…} → ThrottlingException. */
    static String exceptionName(String raw) {
        String name = raw.substring(raw.lastIndexOf('#') + 1);
        int colon = name.indexOf(':');
        return (colon < 0 ? name : name.substring(0, colon)).trim();
    }
}
