package dev.warden.spi.reporting;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One configured reporting partner. Adapters translate: they check a normalized report against the partner's rules,
 * write it in the partner's wire format and classify each answer. The core decides: it stores reports, batches,
 * persists each step's partner ids, retries, paces and fences. An adapter never retries, sleeps or does I/O other
 * than one exchange with its partner per call. Sealed so the core's delivery covers every shape.
 */
public sealed interface ReportingAdapter permits BatchReportingAdapter, SteppedReportingAdapter {

    ReportFormat format();

    /** The rule set this instance validates with ({@code rules-version} or {@code rules-file}). */
    RuleSet rules();

    /**
     * Every way the normalized report breaks the partner's rules (required fields, enumerations, lengths, patterns,
     * dates, conditional rules), with JSON pointers into {@code content}. Pure, no I/O. Empty: the partner can accept
     * it. {@code content} is the request's {@code statementOfReasons} or {@code cybertip} object.
     */
    List<RuleViolation> validate(JsonNode content);

    /** Where this instance sends, for {@code GET /v1/providers} and logs; never carries credentials. */
    URI baseUrl();
}
