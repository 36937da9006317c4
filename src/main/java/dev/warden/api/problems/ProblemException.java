package dev.warden.api.problems;

import java.util.List;

/** A request Warden refuses, answered as RFC 9457 problem details. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldProblem> fieldProblems;

    public ProblemException(int status, String type, String title, String detail, List<FieldProblem> fieldProblems) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public static ProblemException invalid(List<FieldProblem> problems) {
        String detail = problems.size() == 1 ? problems.get(0).field() + " " + problems.get(0).message()
                : problems.size() + " fields are invalid";
        return new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", detail, problems);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
