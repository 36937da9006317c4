package dev.warden.api.problems;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.Response;

import dev.warden.api.generated.model.FieldError;
import dev.warden.api.generated.model.Problem;

/** Builds {@code application/problem+json} responses from the contract's {@code Problem} model. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response of(ProblemException problem) {
        return of(problem.status(), problem.type(), problem.title(), problem.getMessage(), problem.fieldProblems());
    }

    public static Response of(int status, String type, String title, String detail) {
        return of(status, type, title, detail, List.of());
    }

    public static Response of(int status, String type, String title, String detail, List<FieldProblem> fields) {
        Problem body = new Problem().type(type).title(title).status(status).detail(detail);
        body.errors(fields.isEmpty() ? null
                : fields.stream().map(field -> new FieldError().field(field.field()).message(field.message())).toList());
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }

    /** Adds {@code Retry-After} in whole seconds, rounded up and at least 1 (0 would invite a retry storm). */
    public static Response withRetryAfter(Response problem, Duration after) {
        long seconds = Math.max(1, (after.toMillis() + 999) / 1000);
        return Response.fromResponse(problem).header("Retry-After", seconds).build();
    }

    private ProblemResponses() {
    }
}
