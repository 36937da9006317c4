package dev.warden.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code vendor_job}: one job an async moderation submitted to a vendor that answers by callback, the
 * SHA-256 of the token in its callback URL, and whether it is still {@code waiting}, {@code answered} or
 * {@code timed_out}.
 */
public record VendorJob(UUID id, UUID moderationId, int position, String provider, byte[] tokenSha256,
        Optional<String> vendorJobId, String state, Instant deadlineAt) {

    public static final String ANSWERED = "answered";
    public static final String TIMED_OUT = "timed_out";
}
