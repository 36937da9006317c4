package dev.warden.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an inbound webhook the way a partner's Standard Webhooks library does (v1.0.0), sharing no code with
 * Warden: HMAC-SHA256 over {@code {id}.{timestamp}.{body}} with the base64-decoded {@code whsec_} key.
 */
public final class PartnerSignatures {

    private PartnerSignatures() {
    }

    /** The three headers of a delivery signed now. */
    public static Map<String, String> headers(String secret, String id, byte[] body) {
        return headers(secret, id, Instant.now().getEpochSecond(), body);
    }

    public static Map<String, String> headers(String secret, String id, long timestamp, byte[] body) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature",
                "v1," + sign(secret, id, timestamp, body));
    }

    public static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
