package dev.warden.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.warden.api.generated.model.FieldError;
import dev.warden.api.generated.model.Report;
import dev.warden.api.generated.model.ReportAttempt;
import dev.warden.api.generated.model.ReportError;
import dev.warden.api.generated.model.ReportFile;
import dev.warden.reports.ReportView;

/** A stored report as the API shows it: in a listing without content, files and attempts; alone with them. */
final class ReportRendering {

    private ReportRendering() {
    }

    static Report summary(ReportView view) {
        return new Report()
                .id(view.id())
                .partner(view.partner())
                .format(Report.FormatEnum.fromValue(view.format()))
                .status(Report.StatusEnum.fromValue(view.status().wireName()))
                .acceptance(view.acceptance().map(Report.AcceptanceEnum::fromValue).orElse(null))
                .source(Report.SourceEnum.fromValue(view.source()))
                .moderationId(view.moderationId().orElse(null))
                .rulesVersion(view.rulesVersion())
                .partnerKey(view.partnerKey().orElse(null))
                .partnerRefs(view.partnerRefs().isEmpty() ? null : view.partnerRefs().getMap())
                .problems(view.problems().map(ReportRendering::problems).orElse(null))
                .lastError(view.lastError().map(message -> new ReportError().message(message)
                        .httpStatus(view.lastHttpStatus().orElse(null))
                        .partnerCode(view.lastPartnerCode().orElse(null))).orElse(null))
                .deliveryId(view.workId().orElse(null))
                .nextAttemptAt(view.nextAttemptAt().map(ReportRendering::utc).orElse(null))
                .expiresAt(view.expiresAt().map(ReportRendering::utc).orElse(null))
                .createdAt(utc(view.createdAt()))
                .queuedAt(view.queuedAt().map(ReportRendering::utc).orElse(null))
                .submittedAt(view.submittedAt().map(ReportRendering::utc).orElse(null))
                .acceptedAt(view.acceptedAt().map(ReportRendering::utc).orElse(null))
                .endedAt(view.endedAt().map(ReportRendering::utc).orElse(null))
                .files(null)
                .attempts(null)
                .report(null);
    }

    static Report detailed(ReportView view) {
        return summary(view)
                .files(view.files().stream().map(file -> new ReportFile()
                        .position(file.position())
                        .fileName(file.fileName())
                        .fileId(file.fileId().orElse(null))
                        .uploadedAt(file.uploadedAt().map(ReportRendering::utc).orElse(null))
                        .describedAt(file.describedAt().map(ReportRendering::utc).orElse(null))).toList())
                .attempts(view.attempts().stream().map(attempt -> new ReportAttempt()
                        .number(attempt.number())
                        .startedAt(utc(attempt.startedAt()))
                        .durationMs(attempt.durationMs())
                        .step(attempt.step())
                        .filePosition(attempt.filePosition().orElse(null))
                        .batchSize(attempt.batchSize().orElse(null))
                        .outcome(attempt.outcome())
                        .httpStatus(attempt.httpStatus().orElse(null))
                        .partnerCode(attempt.partnerCode().orElse(null))
                        .requestId(attempt.requestId().orElse(null))
                        .message(attempt.message().orElse(null))).toList())
                .report(view.content().map(JsonObject::getMap).orElse(null));
    }

    private static List<FieldError> problems(JsonArray stored) {
        return IntStream.range(0, stored.size()).mapToObj(stored::getJsonObject)
                .map(problem -> new FieldError().field(problem.getString("field"))
                        .message(problem.getString("message")))
                .toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
