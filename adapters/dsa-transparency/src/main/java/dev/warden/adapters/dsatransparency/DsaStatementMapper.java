package dev.warden.adapters.dsatransparency;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.reporting.OutgoingReport;

/**
 * A validated statement of reasons in the DSA's wire format: snake_case names in the API documentation's order,
 * booleans as {@code Yes}/{@code No}, {@code contentId.ean13} as {@code content_id."EAN-13"}, absent and null fields
 * left out (a blank end date means "indefinite" to the DSA).
 */
final class DsaStatementMapper {

    static final String STATEMENTS = "statements";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DsaStatementMapper() {
    }

    /** The body of {@code POST /api/v1/statements}: {@code {"statements": [...]}}, in the batch's order. */
    static ObjectNode batch(List<OutgoingReport> batch) {
        ObjectNode body = NODES.objectNode();
        ArrayNode statements = body.putArray(STATEMENTS);
        batch.forEach(report -> statements.add(statement(report.content())));
        return body;
    }

    static ObjectNode statement(JsonNode content) {
        ObjectNode statement = NODES.objectNode();
        for (DsaField field : DsaField.values()) {
            JsonNode value = content.get(field.fieldName());
            if (value == null || value.isNull()) {
                continue;
            }
            switch (field.shape()) {
                case YES_NO -> statement.put(field.wireName(), value.asBoolean() ? "Yes" : "No");
                case CONTENT_ID -> statement.putObject(field.wireName())
                        .set(DsaField.WIRE_EAN13, value.get(DsaField.EAN13));
                default -> statement.set(field.wireName(), value.deepCopy());
            }
        }
        return statement;
    }
}
