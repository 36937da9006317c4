package dev.warden.moderation;

/** A moderation as answered; {@code replayed} when it is the stored answer to a repeated Idempotency-Key. */
public record ModerationReply(Moderation moderation, boolean replayed) {
}
