package dev.warden.moderation;

import java.util.Map;
import java.util.Optional;

import dev.warden.spi.ClassificationInput;

/**
 * A validated moderation request. {@code requestSha256} fingerprints everything the caller sent (so a reused
 * Idempotency-Key with another body is recognized); {@code contentSha256} fingerprints only the content, which is
 * all of the content Warden keeps once the moderation's work has ended. {@code callbackUrl} is set only in async
 * mode, checked against the client's callback hosts.
 */
public record ModerationCommand(String client, Optional<String> idempotencyKey, String policy,
        ClassificationInput input, Map<String, String> context, String contentSha256, String requestSha256,
        ModerationMode mode, Optional<String> callbackUrl) {

    public ModerationCommand {
        context = Map.copyOf(context);
    }
}
