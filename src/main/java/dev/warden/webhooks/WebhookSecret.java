package dev.warden.webhooks;

import java.util.Base64;

/**
 * A Standard Webhooks symmetric secret, {@code whsec_<base64>}: the HMAC key is the decoded bytes, 24 to 64 of them
 * (192 to 512 bits, as the specification asks). Its text is never kept and never printed: not in messages, not in
 * {@link #toString()}.
 */
public final class WebhookSecret {

    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Parses one secret; a malformed one fails with a message that says what is wrong and never repeats the value.
     */
    public static WebhookSecret parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX + " followed by the base64 of the key");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("is not " + PREFIX + " followed by standard base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("decodes to " + key.length + " bytes; a key must have " + MIN_BYTES
                    + " to " + MAX_BYTES + " (generate one with: echo " + PREFIX + "$(head -c 32 /dev/urandom | base64))");
        }
        return new WebhookSecret(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return PREFIX + "…(" + key.length + " bytes)";
    }
}
