package dev.warden.spi.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a reporting partner accepts: the shape of the normalized report under {@code POST /v1/reports}. */
public enum ReportFormat {
    /** An EU DSA statement of reasons: the request's {@code statementOfReasons} object. */
    STATEMENT_OF_REASONS("statementOfReasons"),
    /** An NCMEC CyberTipline report: the request's {@code cybertip} object. */
    CYBERTIP("cybertip");

    private final String requestField;

    ReportFormat(String requestField) {
        this.requestField = requestField;
    }

    /** As stored and shown: {@code statement_of_reasons}, {@code cybertip}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The member of the report request that carries a report of this format. */
    public String requestField() {
        return requestField;
    }

    public static Optional<ReportFormat> fromWireName(String text) {
        return Arrays.stream(values()).filter(format -> format.wireName().equals(text)).findFirst();
    }
}
