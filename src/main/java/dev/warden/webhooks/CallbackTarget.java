package dev.warden.webhooks;

/**
 * A callback URL its client may use. {@code exactlyListed}: its host is in the client's {@code callback-hosts} by
 * name (or address), not only through a wildcard, so it may resolve to a non-public address (never a metadata one).
 */
record CallbackTarget(CallbackUrl url, boolean exactlyListed) {
}
