package dev.warden.reports;

import java.util.regex.Pattern;

import dev.warden.spi.reporting.ReportFormat;

/**
 * Turns a JSON pointer into a report ({@code /evidence/1/url}) into the request field the caller sent
 * ({@code cybertip.evidence[1].url}), the way every problem names a field.
 */
final class ReportPaths {

    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]*");

    private ReportPaths() {
    }

    static String field(ReportFormat format, String pointer) {
        StringBuilder field = new StringBuilder(format.requestField());
        if (pointer.isEmpty() || pointer.equals("/")) {
            return field.toString();
        }
        for (String token : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
            String segment = token.replace("~1", "/").replace("~0", "~");
            if (INDEX.matcher(segment).matches()) {
                field.append('[').append(segment).append(']');
            } else {
                field.append('.').append(segment);
            }
        }
        return field.toString();
    }
}
