package dev.warden.spi.reporting;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored, validated report on its way to the partner. {@code content} is the normalized report as validated;
 * {@code evidence} its files in upload order (empty for a statement of reasons).
 */
public record OutgoingReport(UUID reportId, JsonNode content, List<EvidenceRef> evidence) {

    public OutgoingReport {
        evidence = List.copyOf(evidence);
    }
}
