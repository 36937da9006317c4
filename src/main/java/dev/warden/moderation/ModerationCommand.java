package dev.warden.moderation;

import java.util.Map;
import java.util.Optional;

import dev.warden.spi.ClassificationInput;

/**
 * A validated moderation request. {@code requestSha256} fingerprints everything the caller sent (so a reused
 * Idempotency-Key with another body is recognized); {@code contentSha256} fingerprints only the content, which is
 * all of the content Warden stores.
 */
public record ModerationCommand(String client, Optional<String> idempotencyKey, String policy,
        ClassificationInput input, Map<String, String> context, String contentSha256, String requestSha256) {

    public ModerationCommand {
        context = Map.copyOf(context);
    }
}
