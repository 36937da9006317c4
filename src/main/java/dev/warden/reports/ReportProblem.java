package dev.warden.reports;

/**
 * One problem of a report, named by its path in the request ({@code statementOfReasons.decisionGround},
 * {@code cybertip.evidence[1].url}); a draft stores its open problems in this form.
 */
public record ReportProblem(String field, String message) {
}
