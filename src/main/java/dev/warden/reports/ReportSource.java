package dev.warden.reports;

import java.util.Locale;

/** Who created a report (column {@code report.source}): a client through the API, a policy, or a review. */
public enum ReportSource {
    API,
    POLICY,
    REVIEW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stored name back; the schema allows no other. */
    static ReportSource of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
