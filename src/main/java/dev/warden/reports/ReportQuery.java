package dev.warden.reports;

import java.time.Instant;
import java.util.Optional;

import dev.warden.work.DeliveryCursor;

/**
 * A page of reports, newest first: optional filters, {@code client} for a caller that may only see its own reports,
 * and where the previous page ended. {@code createdBefore} also carries {@code olderThan} (now minus the age).
 */
public record ReportQuery(Optional<String> client, Optional<String> partner, Optional<ReportStatus> status,
        Optional<String> format, Optional<Instant> createdAfter, Optional<Instant> createdBefore,
        Optional<DeliveryCursor> cursor, int limit) {
}
