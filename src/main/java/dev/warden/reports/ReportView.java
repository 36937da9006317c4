package dev.warden.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A stored report as operators and clients read it. {@code content}, {@code files} and {@code attempts} are only
 * filled for a single report, never in a listing. {@code nextAttemptAt} is its delivery row's, while that is pending.
 */
public record ReportView(UUID id, String client, String partner, String format, ReportStatus status,
        Optional<String> acceptance, String source, Optional<UUID> moderationId, Optional<String> partnerKey,
        String rulesVersion, JsonObject partnerRefs, Optional<JsonArray> problems, Optional<String> lastError,
        Optional<Integer> lastHttpStatus, Optional<String> lastPartnerCode, Optional<UUID> workId,
        Optional<Instant> nextAttemptAt, Optional<Instant> expiresAt, Instant createdAt, Optional<Instant> queuedAt,
        Optional<Instant> submittedAt, Optional<Instant> acceptedAt, Optional<Instant> endedAt,
        Optional<JsonObject> content, List<File> files, List<Attempt> attempts) {

    public record File(int position, String fileName, Optional<String> fileId, Optional<Instant> uploadedAt,
            Optional<Instant> describedAt) {
    }

    public record Attempt(int number, Instant startedAt, long durationMs, String step, Optional<Integer> filePosition,
            Optional<Integer> batchSize, String outcome, Optional<Integer> httpStatus, Optional<String> partnerCode,
            Optional<String> requestId, Optional<String> message) {
    }
}
