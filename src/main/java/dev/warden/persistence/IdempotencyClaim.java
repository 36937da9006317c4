package dev.warden.persistence;

import java.time.Duration;
import java.util.UUID;

/**
 * The state of an Idempotency-Key: who holds it ({@code moderationId}, the id its holder stores its answer under),
 * for which request, whether that answer is stored, and how long until an unresolved claim may be taken over.
 */
public record IdempotencyClaim(String requestSha256, UUID moderationId, boolean resolved, Duration expiresIn) {
}
