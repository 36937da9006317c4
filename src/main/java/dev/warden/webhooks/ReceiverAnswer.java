package dev.warden.webhooks;

import java.util.Optional;

/** What a callback receiver answered: its status, and the {@code Retry-After} it sent, if any. */
record ReceiverAnswer(int status, Optional<String> retryAfter) {
}
