package dev.warden.api.openai;

import java.util.Map;

import dev.warden.api.generated.model.OpenAiError;
import dev.warden.api.generated.model.OpenAiErrorDetail;
import dev.warden.api.generated.model.Problem;

/**
 * Any problem Warden answers, in OpenAI's error shape: {@code message} from the problem's detail, {@code param} from
 * its first field, {@code code} from its type ({@code https://warden.dev/problems/policy-not-allowed} becomes
 * {@code policy_not_allowed}, a few become OpenAI's own codes), {@code type} and the status as OpenAI uses them (a
 * 422 is OpenAI's 400).
 */
final class OpenAiErrors {

    private static final String PROBLEMS = "https://warden.dev/problems/";
    static final String MODEL_NOT_FOUND = PROBLEMS + "model-not-found";

    static final String INVALID_REQUEST = "invalid_request_error";

    /** Warden problem types whose OpenAI code has another name. */
    private static final Map<String, String> OPENAI_CODES = Map.of(
            "validation", "invalid_value",
            "unauthorized", "invalid_api_key",
            "rate-limited", "rate_limit_exceeded");

    static int status(int problemStatus) {
        return problemStatus == 422 ? 400 : problemStatus;
    }

    static OpenAiError of(Problem problem) {
        int status = status(problem.getStatus() == null ? 500 : problem.getStatus());
        String param = problem.getErrors() == null || problem.getErrors().isEmpty() ? null
                : problem.getErrors().get(0).getField();
        String message = problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
        if (problem.getErrors() != null && problem.getErrors().size() > 1) {
            message = message + ": " + String.join("; ", problem.getErrors().stream()
                    .map(field -> field.getField() + " " + field.getMessage()).toList());
        }
        return new OpenAiError().error(new OpenAiErrorDetail().message(message).type(type(status)).param(param)
                .code(code(problem.getType())));
    }

    private static String type(int status) {
        if (status == 403) {
            return "permission_error";
        }
        if (status == 429) {
            return "requests";
        }
        return status >= 500 ? "server_error" : INVALID_REQUEST;
    }

    private static String code(String type) {
        if (type == null || !type.startsWith(PROBLEMS)) {
            return null;
        }
        String slug = type.substring(PROBLEMS.length());
        return OPENAI_CODES.getOrDefault(slug, slug.replace('-', '_'));
    }

    private OpenAiErrors() {
    }
}
