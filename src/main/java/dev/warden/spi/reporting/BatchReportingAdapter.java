package dev.warden.spi.reporting;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * A partner that takes reports in batches and dedupes on the platform's own key (the DSA Transparency Database and
 * its {@code puid}).
 */
public non-sealed interface BatchReportingAdapter extends ReportingAdapter {

    /** Reports one {@link #submit} may carry, at most {@code descriptor().maxBatch()}. */
    int maxBatch();

    /** The partner's idempotency key of a valid report (the DSA {@code puid}); unique per partner. */
    String partnerKey(JsonNode content);

    /**
     * One call with up to {@link #maxBatch()} reports, no two with the same key. Answers what the partner did with
     * them; fails with {@link ReportingException} when the call says nothing about the items (transport, 401, 429,
     * 5xx, unreadable answer).
     */
    Uni<BatchAnswer> submit(List<OutgoingReport> batch);

    /** Whether the partner holds a report with this key (DSA {@code existing-puid}: 302 exists, 404 missing). */
    Uni<Existence> exists(String partnerKey);
}
