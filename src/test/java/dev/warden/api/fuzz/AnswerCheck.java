package dev.warden.api.fuzz;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every answer to bad input must be: never a 5xx; a 4xx from Warden as {@code application/problem+json} whose
 * {@code status} is the answer's (on {@code /openai/*}, once the contract has that endpoint, OpenAI's error shape
 * {@code {"error": {"message", "type", ...}}} instead); 405 with {@code Allow}; and no stack trace, exception class
 * or Java package name in any body. Answers the HTTP server gives before any of Warden's code runs (a request line or
 * head it cannot parse) cannot carry Warden's body: {@link #PROTOCOL_LEVEL} lists what they may be.
 */
final class AnswerCheck {

    /**
     * What Netty's HTTP decoder answers on its own, with an empty body, for a request it cannot parse (README,
     * "Errors"): 400 for a malformed request line or head, 414 for a request line over
     * {@code quarkus.http.limits.max-initial-line-length}, 431 for a head over
     * {@code quarkus.http.limits.max-header-size}; or it closes the connection without an answer.
     */
    static final List<Integer> PROTOCOL_LEVEL = List.of(0, 400, 414, 431);

    private static final Pattern LEAKS = Pattern.compile(
            "Exception|\\tat |\\bat dev\\.warden|dev\\.warden\\.|java\\.(lang|util|io|net)\\.|io\\.vertx\\."
                    + "|io\\.quarkus\\.|org\\.jboss\\.|com\\.fasterxml\\.|io\\.smallrye\\.|Caused by|NullPointer"
                    + "|\\.java:\\d+");

    private final boolean openAiCompatible;

    AnswerCheck(boolean openAiCompatible) {
        this.openAiCompatible = openAiCompatible;
    }

    List<String> violations(FuzzCase fuzzCase, RawAnswer answer) {
        List<String> violations = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            violations.add("answered " + status);
        }
        if (!fuzzCase.expected().isEmpty() && !fuzzCase.expected().contains(status)) {
            violations.add("answered " + status + ", expected " + fuzzCase.expected());
        }
        // Only Warden's own refusals: a 2xx listing shows stored data (a partner's payload the run itself sent may
        // well contain "java.lang.").
        Matcher leak = LEAKS.matcher(answer.text());
        if (status >= 300 && leak.find()) {
            violations.add("the body leaks internals (" + leak.group() + "): " + abbreviate(answer.text()));
        }
        if (status == 405 && answer.header("allow").isEmpty()) {
            violations.add("405 without Allow");
        }
        if (status >= 400 && status < 500 && !fuzzCase.request().method().equals("HEAD")) {
            if (answer.body().length == 0 && PROTOCOL_LEVEL.contains(status) && isProtocolLevel(answer)) {
                return violations;
            }
            if (openAiCompatible && isOpenAiPath(fuzzCase.request().path())) {
                openAiError(answer, violations);
            } else {
                problem(answer, violations);
            }
        }
        if (status == 0 && !fuzzCase.family().equals("protocol") && !fuzzCase.family().equals("huge-headers")
                && !fuzzCase.family().equals("header-injection")) {
            violations.add("closed the connection without an answer");
        }
        return violations;
    }

    /** The HTTP server's own refusal: no body and no content type, the connection closed. */
    private static boolean isProtocolLevel(RawAnswer answer) {
        return answer.header("content-type").isEmpty();
    }

    private static void problem(RawAnswer answer, List<String> violations) {
        String type = answer.header("content-type").orElse("(none)");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            violations.add(answer.status() + " with Content-Type " + type + ": " + abbreviate(answer.text()));
            return;
        }
        JsonNode body = parse(answer, violations);
        if (body != null && (body.path("status").asInt() != answer.status()
                || !body.path("type").asText().startsWith("https://warden.dev/problems/")
                || body.path("title").asText().isEmpty())) {
            violations.add("a problem that does not match its answer: " + abbreviate(answer.text()));
        }
    }

    private static void openAiError(RawAnswer answer, List<String> violations) {
        String type = answer.header("content-type").orElse("(none)");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            violations.add(answer.status() + " on /openai/ with Content-Type " + type);
            return;
        }
        JsonNode body = parse(answer, violations);
        if (body != null && (!body.path("error").path("message").isTextual()
                || !body.path("error").path("type").isTextual())) {
            violations.add("not OpenAI's error shape: " + abbreviate(answer.text()));
        }
    }

    private static JsonNode parse(RawAnswer answer, List<String> violations) {
        try {
            return BaseRequests.JSON.readTree(answer.body());
        } catch (IOException notJson) {
            violations.add("a body that is not JSON: " + abbreviate(answer.text()));
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** {@code /openai} and everything under it answers in OpenAI's error shape (OpenAiErrorFilter). */
    private static boolean isOpenAiPath(String path) {
        return path.equals("/openai") || path.startsWith("/openai/") || path.startsWith("/openai?");
    }
}
