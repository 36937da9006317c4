package dev.warden.work.packaged;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Standard Webhooks (1.0.0) verifier written from the specification, independent of Warden's signer: the HMAC-SHA256
 * key is the base64-decoded secret after {@code whsec_}; the signed content is {@code id.timestamp.body} over the raw
 * body bytes; any {@code v1,<base64>} entry of the space-separated signature header may match, compared in constant
 * time, other versions ignored; the timestamp must be within five minutes of now, either way.
 */
final class StandardWebhookVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1";

    private final byte[] key;

    StandardWebhookVerifier(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a Standard Webhooks secret starts with " + SECRET_PREFIX);
        }
        this.key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    /** True when the headers sign exactly this body with this verifier's secret, at a time close enough to now. */
    boolean verifies(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatures == null || id.contains(".") || !timely(timestamp, now)) {
            return false;
        }
        byte[] expected = sign(id, timestamp, body);
        for (String entry : signatures.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals(VERSION) && MessageDigest.isEqual(expected,
                    entry.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static boolean timely(String timestamp, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        return Math.abs(now.getEpochSecond() - seconds) <= TOLERANCE.toSeconds();
    }

    private byte[] sign(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encode(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
