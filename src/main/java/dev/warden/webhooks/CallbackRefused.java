package dev.warden.webhooks;

/**
 * A callback URL, or the address its host resolves to, that Warden will not call. The message says why in words safe
 * to show the client that asked for the callback; it never carries a secret.
 */
public final class CallbackRefused extends RuntimeException {

    CallbackRefused(String reason) {
        super(reason, null, false, false);
    }
}
