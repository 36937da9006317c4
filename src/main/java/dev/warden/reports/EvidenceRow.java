package dev.warden.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.reporting.ReportFormat;

/**
 * One evidence file of a CyberTip as {@code report_file} stores it: where to fetch it, the caller's hashes (lower
 * case) and the file's other members ({@code relevance}, {@code industryClassification}, …) as {@code details}.
 */
record EvidenceRow(int position, String url, String fileName, Optional<String> sha256, Optional<String> md5,
        JsonNode details) {

    private static final String URL = "url";
    private static final String FILE_NAME = "fileName";
    private static final String SHA256 = "sha256";
    private static final String MD5 = "md5";

    /** The files of a report that passed {@link ReportShape}: none for a statement of reasons. */
    static List<EvidenceRow> of(ReportFormat format, JsonNode content) {
        List<EvidenceRow> rows = new ArrayList<>();
        JsonNode files = content.path("evidence");
        if (format != ReportFormat.CYBERTIP || !files.isArray()) {
            return rows;
        }
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            ObjectNode details = file.deepCopy();
            details.remove(List.of(URL, FILE_NAME, SHA256, MD5));
            rows.add(new EvidenceRow(i, file.path(URL).asText(), file.path(FILE_NAME).asText(),
                    hex(file, SHA256), hex(file, MD5), details));
        }
        return rows;
    }

    private static Optional<String> hex(JsonNode file, String member) {
        JsonNode hash = file.get(member);
        return hash == null || !hash.isTextual() ? Optional.empty()
                : Optional.of(hash.asText().toLowerCase(Locale.ROOT));
    }
}
