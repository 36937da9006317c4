package dev.warden.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.warden.api.generated.model.ReportingHealth;
import dev.warden.api.generated.model.ReportingLastError;
import dev.warden.reports.QueueSnapshot;
import dev.warden.reports.ReportingPartner;

/** {@code ProviderInfo.reporting}: where a reporting partner is, and its queue when the database answered. */
final class ReportingHealthRendering {

    private ReportingHealthRendering() {
    }

    static ReportingHealth of(ReportingPartner partner, Optional<QueueSnapshot> queue) {
        ReportingHealth health = new ReportingHealth()
                .format(ReportingHealth.FormatEnum.fromValue(partner.descriptor().format().wireName()))
                .environment(ReportingHealth.EnvironmentEnum.fromValue(partner.settings().environment().wireName()))
                .baseUrl(partner.adapter().baseUrl().toString())
                .known(queue.isPresent());
        queue.ifPresent(snapshot -> health
                .queueDepth(snapshot.pending())
                .oldestPendingAt(snapshot.oldestPendingSince().map(ReportingHealthRendering::utc).orElse(null))
                .openReports(snapshot.open())
                .deadLetters(snapshot.dead())
                .lastError(snapshot.lastError().map(error -> new ReportingLastError()
                        .message(error.message())
                        .at(utc(error.at()))
                        .reportId(error.reportId().orElse(null))
                        .httpStatus(error.httpStatus().orElse(null))
                        .partnerCode(error.partnerCode().orElse(null))).orElse(null)));
        return health;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
