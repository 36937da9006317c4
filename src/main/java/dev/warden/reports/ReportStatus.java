package dev.warden.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a report is (column {@code report.status}, V11): from {@code draft} or {@code queued} to an end. */
public enum ReportStatus {
    DRAFT,
    QUEUED,
    IN_PROGRESS,
    SUBMITTED,
    ACCEPTED,
    FAILED,
    DEAD,
    RETRACTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportStatus> fromWireName(String text) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(text)).findFirst();
    }
}
