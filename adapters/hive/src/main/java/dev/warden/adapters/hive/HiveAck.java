package dev.warden.adapters.hive;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.support.StrictJson;

/**
 * Hive's answer to {@code /task/async}: it accepted the task and will post the result to the callback URL. The
 * task id is the top-level {@code id} in the reference, and {@code status[0].task_id} in some integrations; both are
 * read.
 */
final class HiveAck {

    /** Hive's ids are UUIDs; anything much longer or stranger is not an id to store and correlate on. */
    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private HiveAck() {
    }

    static ProviderVerdict read(JsonNode ack) {
        HiveTaskFailure.requireSuccess(ack);
        JsonNode id = ack.path("id");
        if (!id.isTextual()) {
            id = ack.path("status").path(0).path("task_id");
        }
        if (!id.isTextual() || !TASK_ID.matcher(id.asText()).matches()) {
            throw StrictJson.invalid(HiveVerdictReader.VENDOR + " accepted the task without a usable task id");
        }
        return ProviderVerdict.pending(id.asText());
    }
}
