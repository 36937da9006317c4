package dev.warden.reports;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.reporting.ReportFormat;

/**
 * A checked report about to be stored: {@code queued} with its delivery row {@code workId}, or a {@code draft} with
 * its open {@code problems} and no delivery row.
 */
record NewReport(UUID id, String client, String partner, ReportFormat format, ReportSource source,
        Optional<UUID> moderationId, Optional<String> partnerKey, Optional<String> idempotencyKey, String sha256,
        JsonNode content, String rulesVersion, List<ReportProblem> problems, Optional<UUID> workId,
        List<EvidenceRow> files) {

    ReportStatus status() {
        return workId.isPresent() ? ReportStatus.QUEUED : ReportStatus.DRAFT;
    }
}
