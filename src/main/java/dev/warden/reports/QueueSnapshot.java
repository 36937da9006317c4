package dev.warden.reports;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One reporting partner's reports as the database shows them (every replica's): pending ({@code queued},
 * {@code in_progress}, {@code submitted}) and since when, open at the partner, dead, and the last failed exchange.
 */
public record QueueSnapshot(long pending, Optional<Instant> oldestPendingSince, long open, long dead,
        Optional<LastError> lastError) {

    public static final QueueSnapshot EMPTY = new QueueSnapshot(0, Optional.empty(), 0, 0, Optional.empty());

    /** The partner's last failed exchange ({@code reporting_partner_state}). */
    public record LastError(String message, Instant at, Optional<UUID> reportId, Optional<Integer> httpStatus,
            Optional<String> partnerCode) {
    }
}
