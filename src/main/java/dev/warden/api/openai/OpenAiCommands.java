package dev.warden.api.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.warden.api.auth.ApiKeys;
import dev.warden.api.generated.model.ContentPart;
import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.moderation.ModerationCommand;
import dev.warden.moderation.ModerationMode;
import dev.warden.spi.ClassificationInput;

/**
 * One sync {@link ModerationCommand} per OpenAI result. The content is fingerprinted in the shape
 * {@code POST /v1/moderations} takes it, so the same content has the same stored SHA-256 from either endpoint. With
 * an Idempotency-Key, each input gets a key of its own derived from it (scoped to this endpoint and the input's
 * position), and a fingerprint of the whole request, so the same key with any other body is a conflict.
 */
final class OpenAiCommands {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    private static final String KEY_SCOPE = "openai-compat:";

    /** Canonical JSON (sorted keys) so the same request always hashes the same. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static List<ModerationCommand> of(String client, String model, String policy, JsonNode rawInput,
            List<ClassificationInput> inputs, String idempotencyKey) {
        Optional<String> key = Optional.ofNullable(idempotencyKey);
        key.ifPresent(OpenAiCommands::checkKey);
        String request = sha256(List.of(model, policy, rawInput));
        List<ModerationCommand> commands = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            ClassificationInput input = inputs.get(i);
            commands.add(new ModerationCommand(client, key.map(own -> KEY_SCOPE + index + ":" + own), policy, input,
                    Map.of(), sha256(contractShape(input)), sha256(List.of(request, index)), ModerationMode.SYNC,
                    Optional.empty()));
        }
        return commands;
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw invalidKey("must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw invalidKey("must be printable ASCII without spaces");
        }
    }

    private static ProblemException invalidKey(String message) {
        return ProblemException.invalid(List.of(new FieldProblem(IDEMPOTENCY_KEY, message)));
    }

    private static List<ContentPart> contractShape(ClassificationInput input) {
        return input.parts().stream().map(part -> part instanceof dev.warden.spi.ContentPart.Text text
                ? new ContentPart().type(ContentPart.TypeEnum.TEXT).text(text.text())
                : new ContentPart().type(ContentPart.TypeEnum.IMAGE)
                        .url(((dev.warden.spi.ContentPart.Image) part).url()))
                .toList();
    }

    private static String sha256(Object value) {
        try {
            return ApiKeys.sha256Hex(CANONICAL.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a validated request", e);
        }
    }

    private OpenAiCommands() {
    }
}
