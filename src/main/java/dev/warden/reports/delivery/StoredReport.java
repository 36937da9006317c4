package dev.warden.reports.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.reporting.EvidenceRef;
import dev.warden.spi.reporting.OutgoingReport;

/**
 * A report as delivery reads it: what to send, where delivery stands at the partner (the ids each step answered) and
 * which outbox row may write it now ({@code workId}).
 */
record StoredReport(UUID id, String partner, String status, JsonNode content, Optional<UUID> workId,
        Optional<String> partnerKey, Optional<String> partnerReportId, Optional<Instant> openedAt,
        Optional<Instant> expiresAt, int confirmCycles, List<StoredFile> files) {

    /** One evidence file and how far its upload got. */
    record StoredFile(EvidenceRef ref, Optional<String> fileId, boolean described) {
    }

    StoredReport {
        files = List.copyOf(files);
    }

    OutgoingReport outgoing() {
        return new OutgoingReport(id, content, files.stream().map(StoredFile::ref).toList());
    }

    boolean ownedBy(UUID outboxRow) {
        return workId.filter(outboxRow::equals).isPresent();
    }
}
