package dev.warden.adapters.aws;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.warden.spi.ProviderException;

/**
 * An image named {@code s3://bucket/key} or {@code s3://bucket/key?versionId=v}, which Rekognition reads from S3
 * itself (up to 15 MB, with the caller's bucket policy) instead of Warden fetching the bytes. Messages never repeat
 * the URL: bucket and key names are the caller's.
 */
record S3ObjectUrl(String bucket, String key, Optional<String> version) {

    private static final String SCHEME = "s3://";
    private static final String VERSION = "?versionId=";

    /** S3's bucket naming rules: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending alike. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** S3's object key limit. */
    private static final int MAX_KEY_BYTES = 1024;

    static S3ObjectUrl parse(String url) {
        if (!url.startsWith(SCHEME)) {
            throw unsupported("takes only s3:// image URLs when image-source=s3");
        }
        String rest = url.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw unsupported("needs an object key after the bucket in an s3:// image URL");
        }
        String bucket = rest.substring(0, slash);
        String key = rest.substring(slash + 1);
        Optional<String> version = Optional.empty();
        int versionAt = key.lastIndexOf(VERSION);
        if (versionAt >= 0) {
            version = Optional.of(key.substring(versionAt + VERSION.length())).filter(v -> !v.isEmpty());
            key = key.substring(0, versionAt);
            if (version.isEmpty()) {
                throw unsupported("needs a value after versionId in an s3:// image URL");
            }
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw unsupported("needs a valid S3 bucket name in an s3:// image URL");
        }
        if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw unsupported("needs an object key of 1 to " + MAX_KEY_BYTES + " bytes in an s3:// image URL");
        }
        return new S3ObjectUrl(bucket, key, version);
    }

    static boolean looksLikeS3(String url) {
        return url.startsWith(SCHEME);
    }

    private static ProviderException unsupported(String problem) {
        return new ProviderException(ProviderException.Kind.UNSUPPORTED, "AWS Rekognition " + problem);
    }

    /** The record form would print the bucket and key into logs. */
    @Override
    public String toString() {
        return "S3ObjectUrl[****]";
    }
}
