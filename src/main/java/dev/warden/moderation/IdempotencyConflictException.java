package dev.warden.moderation;

/** An Idempotency-Key was reused with a request that differs from the one it was first used with. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String idempotencyKey) {
        super("Idempotency-Key '" + idempotencyKey + "' was already used with a different request");
    }
}
