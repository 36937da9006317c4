package dev.warden.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Standard Webhooks verifier written from the specification (v1.0.0), sharing no code with Warden's signer: what
 * a receiver holding one secret does with the three headers and the raw body.
 */
public final class SpecVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private SpecVerifier() {
    }

    /** True when some {@code v1} entry of the signature header is the HMAC of this message under this secret. */
    public static boolean verifies(String secret, String id, String timestamp, byte[] body, String signatures,
            Instant now) throws GeneralSecurityException {
        long sentAt = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - sentAt) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        hmac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = hmac.doFinal(body);
        for (String entry : signatures.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && entry.substring(0, comma).equals("v1") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(entry.substring(comma + 1)))) {
                return true;
            }
        }
        return false;
    }
}
