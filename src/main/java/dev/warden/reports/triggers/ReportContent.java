package dev.warden.reports.triggers;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.reporting.ReportFormat;

/** The normalized report a trigger files, in the partner's format. */
final class ReportContent {

    private ReportContent() {
    }

    static ObjectNode build(ReportFormat format, TriggerFacts facts, Map<String, String> template) {
        return switch (format) {
            case STATEMENT_OF_REASONS -> StatementTemplate.build(facts, template);
            case CYBERTIP -> CybertipTemplate.build(facts, template);
        };
    }
}
