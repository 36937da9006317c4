package dev.warden.spi.reporting;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * A partner that takes a report in steps (NCMEC CyberTipline): opened, filled file by file, then finished. Each call
 * is one step; the core persists every id a step answers before it takes the next one, so a crash resumes at the next
 * step and never opens a second report. Order for a report with files: {@link #open}, {@link #upload} per file,
 * {@link #describeFile} per file, {@link #finish}.
 */
public non-sealed interface SteppedReportingAdapter extends ReportingAdapter {

    /** Ref key of the partner's report id in {@link StepAnswer.Done#refs()} of {@link #open}. */
    String REPORT_ID = "reportId";
    /** Ref key of the partner's file id in {@link StepAnswer.Done#refs()} of {@link #upload}. */
    String FILE_ID = "fileId";
    /** Ref key of the MD5 the partner computed over an uploaded file, when it answers one. */
    String FILE_MD5 = "md5";

    Uni<StepAnswer> open(OutgoingReport report);

    Uni<StepAnswer> upload(String partnerReportId, EvidenceFile file);

    Uni<StepAnswer> describeFile(String partnerReportId, String partnerFileId, EvidenceFile file,
            OutgoingReport report);

    Uni<StepAnswer> finish(String partnerReportId);

    Uni<StepAnswer> retract(String partnerReportId);

    /** When the partner deletes a report opened at {@code openedAt} and last changed at {@code lastChange}. */
    Instant expiresAt(Instant openedAt, Instant lastChange);
}
