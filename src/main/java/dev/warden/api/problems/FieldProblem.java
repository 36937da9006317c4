package dev.warden.api.problems;

/** One invalid field: its path in the request (e.g. {@code content[1].text}) and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
