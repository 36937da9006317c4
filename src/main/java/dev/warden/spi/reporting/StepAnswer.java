package dev.warden.spi.reporting;

import java.util.Map;

/**
 * What a stepped partner answered to one step. Failures that say nothing about the report (transport, 401, 5xx,
 * a retryable partner code) arrive as {@link ReportingException} instead.
 */
public sealed interface StepAnswer {

    Exchange exchange();

    /** The step succeeded; {@code refs} holds the ids it answered (see {@link SteppedReportingAdapter#REPORT_ID}). */
    record Done(Exchange exchange, Map<String, String> refs) implements StepAnswer {
        public Done {
            refs = Map.copyOf(refs);
        }
    }

    /** The step had already happened (finish of a finished report, retract of a retracted one): the desired state. */
    record AlreadyDone(Exchange exchange) implements StepAnswer {
    }

    /** The partner refused the report, or with {@code fileOnly} one file; sending it again cannot help. */
    record Rejected(Exchange exchange, boolean fileOnly) implements StepAnswer {
    }

    /** The partner no longer has the open report (it expired unfinished, or was retracted). */
    record ReportGone(Exchange exchange) implements StepAnswer {
    }
}
