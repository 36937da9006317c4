package dev.warden.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs outbound callbacks the Standard Webhooks way (v1.0.0): HMAC-SHA256 over {@code {id}.{timestamp}.{body}},
 * keyed with each secret's decoded bytes, sent as {@code v1,<base64>}. With several secrets (a rotation in progress)
 * the header carries one entry per secret, space-separated, so a receiver holding any one of them can verify.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    static final String VERSION = "v1,";
    private static final String HMAC_SHA256 = "HmacSHA256";

    private StandardWebhooks() {
    }

    /** The {@code webhook-signature} value for this message, one {@code v1,} entry per secret, in their order. */
    public static String signature(List<WebhookSecret> secrets, String messageId, long timestampSeconds,
            byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a callback is never sent unsigned: no secret given");
        }
        byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        return secrets.stream().map(secret -> VERSION + Base64.getEncoder().encodeToString(hmac(secret, prefix, body)))
                .collect(Collectors.joining(" "));
    }

    /** The {@code v1,} signature of this message with one secret, the form a receiver compares against. */
    static byte[] v1(WebhookSecret secret, String messageId, long timestampSeconds, byte[] body) {
        return hmac(secret, (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] hmac(WebhookSecret secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret.key(), HMAC_SHA256));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK and takes any key", e);
        }
    }
}
