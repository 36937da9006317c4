package dev.warden.spi.reporting;

/**
 * One way a report breaks a partner's rules. {@code pointer} is a JSON pointer into the normalized report
 * ({@code /decisionGround}, {@code /evidence/1/url}); the core turns it into the request's field path
 * ({@code statementOfReasons.decisionGround}). {@code message} says what is wrong and, for enumerations, which rule
 * version refused the value; it never repeats a secret.
 */
public record RuleViolation(String pointer, String message) {
}
