package dev.warden.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.api.generated.model.OpenAiErrorDetail;
import dev.warden.api.generated.model.Problem;
import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.api.problems.ProblemResponses;

/**
 * Problems that only other parts of Warden raise (a client's rate limit, a policy the client may not use, an
 * Idempotency-Key in flight, an unavailable database) map to OpenAI's status, type and code like any other.
 */
class OpenAiErrorsMappingTest {

    @ParameterizedTest
    @CsvSource({
            "429, rate-limited, 429, requests, rate_limit_exceeded",
            "403, policy-not-allowed, 403, permission_error, policy_not_allowed",
            "409, idempotency-in-flight, 409, invalid_request_error, idempotency_in_flight",
            "422, idempotency-conflict, 400, invalid_request_error, idempotency_conflict",
            "503, unavailable, 503, server_error, unavailable",
            "500, internal, 500, server_error, internal",
            "401, unauthorized, 401, invalid_request_error, invalid_api_key",
            "400, validation, 400, invalid_request_error, invalid_value" })
    void aProblemBecomesOpenAisError(int status, String slug, int openAiStatus, String type, String code) {
        Problem problem = new Problem().status(status).type("https://warden.dev/problems/" + slug).title("Title")
                .detail("What happened");

        OpenAiErrorDetail error = OpenAiErrors.of(problem).getError();

        assertThat(OpenAiErrors.status(status)).isEqualTo(openAiStatus);
        assertThat(error.getType()).isEqualTo(type);
        assertThat(error.getCode()).isEqualTo(code);
        assertThat(error.getMessage()).isEqualTo("What happened");
        assertThat(error.getParam()).isNull();
    }

    @ParameterizedTest
    @CsvSource({ "/openai/v1/moderations, true", "openai/v1/moderations, true", "/openai, true",
            "/v1/moderations, false", "/openaiv1, false", "/v1/openai/x, false" })
    void onlyTheOpenAiPathsAnswerInOpenAisShape(String path, boolean openAi) {
        assertThat(OpenAiErrorFilter.isOpenAiPath(path)).isEqualTo(openAi);
    }

    @ParameterizedTest
    @CsvSource({ "1", "3" })
    void theFirstFieldIsTheParamAndEveryFieldIsInTheMessage(int fields) {
        List<FieldProblem> errors = IntStream.range(0, fields)
                .mapToObj(i -> new FieldProblem("input[" + i + "]", "must not be blank")).toList();
        Problem problem = (Problem) ProblemResponses.of(ProblemException.invalid(errors)).getEntity();

        OpenAiErrorDetail error = OpenAiErrors.of(problem).getError();

        assertThat(error.getParam()).isEqualTo("input[0]");
        errors.forEach(field -> assertThat(error.getMessage()).contains(field.field()));
    }
}
