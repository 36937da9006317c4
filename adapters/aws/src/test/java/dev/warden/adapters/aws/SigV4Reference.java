package dev.warden.adapters.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4 written out from AWS's specification (create-signed-request.html), independent of the SDK, so that a test can
 * check the SDK's signature against what a server recomputes from the request it actually received.
 */
final class SigV4Reference {

    private SigV4Reference() {
    }

    /** The signature of a request to path {@code /} without query, over exactly these headers (lower-case names). */
    static String signature(String secretKey, String region, String service, String method,
            Map<String, String> signedHeaders, byte[] body) {
        Map<String, String> sorted = new TreeMap<>();
        signedHeaders.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value.trim()));
        String amzDate = sorted.get("x-amz-date");
        String date = amzDate.substring(0, 8);
        String canonicalRequest = method + "\n/\n\n"
                + sorted.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
                        .collect(Collectors.joining())
                + "\n" + String.join(";", sorted.keySet()) + "\n" + hex(sha256(body));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
