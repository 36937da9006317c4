package dev.warden.adapters.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.warden.spi.ProviderException;

/**
 * An image that Rekognition reads from S3 itself (up to 15 MB, with the provider's IAM permissions) instead of Warden
 * fetching the bytes. Named {@code s3://bucket/key}, or by an S3 https URL, which is what Warden's API accepts today:
 * virtual-hosted ({@code https://bucket.s3.<region>.amazonaws.com/key}) or path style
 * ({@code https://s3.<region>.amazonaws.com/bucket/key}); both take {@code ?versionId=v}, and an https URL's other
 * query parameters (a presigned URL's signature) are ignored, since Rekognition does not use them. Messages never
 * repeat the URL: bucket and key names are the caller's.
 */
record S3ObjectUrl(String bucket, String key, Optional<String> version) {

    private static final String SCHEME = "s3://";
    private static final String VERSION = "?versionId=";

    /** S3's bucket naming rules: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending alike. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** {@code bucket.s3.amazonaws.com}, {@code bucket.s3.eu-west-1.amazonaws.com}, legacy {@code bucket.s3-eu-west-1…}. */
    private static final Pattern VIRTUAL_HOSTED = Pattern.compile(
            "(.+)\\.s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com(?:\\.cn)?");

    /** {@code s3.amazonaws.com}, {@code s3.eu-west-1.amazonaws.com}: the bucket is the first path segment. */
    private static final Pattern PATH_STYLE = Pattern.compile("s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com(?:\\.cn)?");

    private static final String VERSION_PARAMETER = "versionId=";

    /** S3's object key limit. */
    private static final int MAX_KEY_BYTES = 1024;

    static S3ObjectUrl parse(String url) {
        if (url.regionMatches(true, 0, "https://", 0, "https://".length())) {
            return parseHttps(url);
        }
        if (!url.startsWith(SCHEME)) {
            throw unsupported("takes only s3:// or S3 https image URLs when image-source=s3");
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
        return checked(bucket, key, version);
    }

    private static S3ObjectUrl parseHttps(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw unsupported("needs a well-formed S3 https image URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "" : uri.getPath().substring(1);
        Matcher virtualHosted = VIRTUAL_HOSTED.matcher(host);
        String bucket;
        String key;
        if (PATH_STYLE.matcher(host).matches()) {
            int slash = path.indexOf('/');
            bucket = slash < 0 ? path : path.substring(0, slash);
            key = slash < 0 ? "" : path.substring(slash + 1);
        } else if (virtualHosted.matches()) {
            bucket = virtualHosted.group(1);
            key = path;
        } else {
            throw unsupported("takes only S3 URLs when image-source=s3");
        }
        Optional<String> version = Optional.ofNullable(uri.getQuery()).stream()
                .flatMap(query -> Arrays.stream(query.split("&")))
                .filter(parameter -> parameter.startsWith(VERSION_PARAMETER))
                .map(parameter -> parameter.substring(VERSION_PARAMETER.length()))
                .filter(value -> !value.isEmpty()).findFirst();
        return checked(bucket, key, version);
    }

    private static S3ObjectUrl checked(String bucket, String key, Optional<String> version) {
        if (!BUCKET.matcher(bucket).matches()) {
            throw unsupported("needs a valid S3 bucket name in its image URL");
        }
        if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw unsupported("needs an object key of 1 to " + MAX_KEY_BYTES + " bytes in its image URL");
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
