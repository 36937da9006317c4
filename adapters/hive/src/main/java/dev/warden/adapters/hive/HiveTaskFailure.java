package dev.warden.adapters.hive;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;

/**
 * A task Hive accepted and then failed: its {@code error_code} (Hive's "common errors" page) onto a kind. Download
 * errors (2xxx) and the classifier's refusals of the media (3100, 3200, 3300) concern the caller's input; 3401 is
 * the classifier's timeout; 1000, 3000 and every other code are Hive's own trouble. Hive documents ranges ("this
 * applies to most 21XX errors", "other errors in 3XXX and 4XXX"), so the rules are ranges, not a list of codes.
 * <p>
 * The message names the code and its documented meaning, never Hive's text: a callback arrives without the request,
 * so there is nothing to check a quoted fragment of the content against.
 */
final class HiveTaskFailure {

    /** What a task's {@code status[].status.code} is when it succeeded, written as a string or a number. */
    static final String SUCCESS = "0";

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1000, "GENERIC_ERROR"),
            Map.entry(2000, "DOWNLOAD_ERROR"),
            Map.entry(2100, "HTTP_ERROR: the media URL could not be downloaded"),
            Map.entry(2101, "HTTP_ERROR_MALFORMED_URL"),
            Map.entry(3000, "CLASSIFIER_ERROR"),
            Map.entry(3100, "CLASSIFIER_ERROR_UNSUPPORTED_MEDIA_TYPE"),
            Map.entry(3200, "CLASSIFIER_ERROR_INVALID_INPUT"),
            Map.entry(3300, "CLASSIFIER_ERROR_CORRUPT_FILE"),
            Map.entry(3401, "CLASSIFIER_ERROR_TIMEOUT"));

    private static final String CONNECTION_ERROR = "HTTP_CONNECTION_ERROR: the media host could not be reached";

    private HiveTaskFailure() {
    }

    /** Throws when any of the task's statuses reports a failure. */
    static void requireSuccess(JsonNode task) {
        for (JsonNode status : task.path("status")) {
            errorCode(task, status).ifPresent(code -> {
                throw failure(code);
            });
        }
    }

    /**
     * Where the code sits is not settled in Hive's examples: an {@code error_code} field on the status entry, its
     * {@code status} object or the task, or the status code itself when it is not {@code 0}.
     */
    private static Optional<String> errorCode(JsonNode task, JsonNode status) {
        for (JsonNode candidate : new JsonNode[] {status.path("error_code"), status.path("status").path("error_code"),
                task.path("error_code")}) {
            if (candidate.isIntegralNumber() || candidate.isTextual() && !candidate.asText().isBlank()) {
                return Optional.of(candidate.asText().trim());
            }
        }
        JsonNode code = status.path("status").path("code");
        boolean written = code.isIntegralNumber() || code.isTextual();
        return written && !code.asText().trim().equals(SUCCESS) ? Optional.of(code.asText().trim()) : Optional.empty();
    }

    static ProviderException failure(String code) {
        Optional<Integer> number = parse(code);
        String meaning = number.map(HiveTaskFailure::meaning).orElse("not a documented code");
        String shown = number.map(String::valueOf).orElse("(not a number)");
        return new ProviderException(number.map(HiveTaskFailure::kind).orElse(Kind.INVALID_RESPONSE),
                "Hive task failed with error_code " + shown + " (" + meaning + ")");
    }

    static Kind kind(int code) {
        if (code >= 2000 && code <= 2999 || code == 3100 || code == 3200 || code == 3300) {
            return Kind.BAD_REQUEST;
        }
        return code == 3401 ? Kind.TIMEOUT : Kind.UNAVAILABLE;
    }

    private static String meaning(int code) {
        String name = NAMES.get(code);
        if (name != null) {
            return name;
        }
        return code >= 2200 && code <= 2299 ? CONNECTION_ERROR : "undocumented";
    }

    /** A code is a number on Hive's page; anything else is not repeated (it could be anything the body held). */
    private static Optional<Integer> parse(String code) {
        if (!code.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(code));
    }
}
