package dev.warden.adapters.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.ReadSettings;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.support.Crosswalk;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** One AWS provider's validated settings, and the endpoints, credentials and crosswalks they imply. */
record AwsSettings(String region, URI comprehendUri, URI rekognitionUri, AwsCredentialSource credentials,
        double minConfidence, String languageCode, ImageSource imageSource, Crosswalk comprehendCrosswalk,
        Crosswalk rekognitionCrosswalk, ReadSettings read) {

    /** Where Rekognition gets an image: Warden fetches the URL and sends the bytes, or Rekognition reads S3. */
    enum ImageSource {
        FETCH, S3
    }

    static final String REGION = "region";
    static final String ACCESS_KEY_ID = "access-key-id";
    static final String SECRET_ACCESS_KEY = "secret-access-key";
    static final String SESSION_TOKEN = "session-token";
    static final String BASE_URL = "base-url";
    static final String COMPREHEND_BASE_URL = "comprehend-base-url";
    static final String REKOGNITION_BASE_URL = "rekognition-base-url";
    static final String MIN_CONFIDENCE = "min-confidence";
    static final String LANGUAGE_CODE = "language-code";
    static final String IMAGE_SOURCE = "image-source";
    static final String LABELS = "labels";

    /** Region names go into host names: {@code us-east-1}, {@code eu-central-2}, {@code us-gov-west-1}. */
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .string(REGION, "AWS region of both services, e.g. `us-east-1`. Unset: the SDK's default region chain "
                    + "(`aws.region`, `AWS_REGION`, profile, instance metadata); start-up fails if it finds none.", null)
            .string(ACCESS_KEY_ID, "Access key id. Unset (with `secret-access-key`): the SDK's default credential "
                    + "chain (environment, profile, web identity, container, instance role).", null)
            .headerSafe()
            .secret(SECRET_ACCESS_KEY, "Secret access key; set together with `access-key-id`.")
            .secret(SESSION_TOKEN, "Session token of temporary credentials; only with `access-key-id`.")
            .url(BASE_URL, "Endpoint for both services instead of the regional ones (VPC endpoints, tests).", null)
            .url(COMPREHEND_BASE_URL, "Comprehend endpoint; default `https://comprehend.<region>.amazonaws.com`.",
                    null)
            .url(REKOGNITION_BASE_URL, "Rekognition endpoint; default "
                    + "`https://rekognition.<region>.amazonaws.com`.", null)
            .number(MIN_CONFIDENCE, "Rekognition `MinConfidence`: labels below it are not returned, and their "
                    + "categories are absent from the verdict.", 50, 0, 100)
            .choice(LANGUAGE_CODE, "Comprehend `LanguageCode`; DetectToxicContent supports English only.", "en", "en")
            .choice(IMAGE_SOURCE, "`fetch`: Warden fetches the image URL (PNG or JPEG, at most 5 MB) and sends the "
                    + "bytes. `s3`: images are S3 objects that Rekognition reads itself, named "
                    + "`s3://bucket/key[?versionId=v]` or by an S3 https URL; other URLs are unsupported.", "fetch",
                    "fetch", "s3")
            .prefix(LABELS, "Crosswalk override for a Comprehend or Rekognition label (any level): "
                    + "comma-separated categories, `none` for vendor-only. Escape spaces in properties files.")
            .build();

    static AwsSettings read(ProviderSettings source, DefaultChains chains) {
        ReadSettings read = SPEC.read(source);
        String region = read.optional(REGION).orElseGet(() -> defaultRegion(read, chains));
        if (!REGION_NAME.matcher(region).matches()) {
            throw read.invalid(REGION, "must be an AWS region name like us-east-1, got '" + region + "'");
        }
        Optional<URI> shared = read.optionalUrl(BASE_URL);
        URI comprehend = endpoint(read.optionalUrl(COMPREHEND_BASE_URL).or(() -> shared), "comprehend", region);
        URI rekognition = endpoint(read.optionalUrl(REKOGNITION_BASE_URL).or(() -> shared), "rekognition", region);
        return new AwsSettings(region, comprehend, rekognition, credentials(read, chains),
                read.number(MIN_CONFIDENCE), read.string(LANGUAGE_CODE),
                ImageSource.valueOf(read.string(IMAGE_SOURCE).toUpperCase(Locale.ROOT)),
                AwsCrosswalk.COMPREHEND.withOverrides(read, LABELS), AwsCrosswalk.REKOGNITION.withOverrides(read, LABELS),
                read);
    }

    private static String defaultRegion(ReadSettings read, DefaultChains chains) {
        try {
            return chains.region().get();
        } catch (SdkException | IllegalArgumentException noRegion) {
            throw read.invalid(REGION, "is required: the SDK's default region chain found none");
        }
    }

    /** AWS JSON 1.1 operations are all {@code POST /} on the service's endpoint. */
    private static URI endpoint(Optional<URI> configured, String service, String region) {
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create(configured.map(URI::toString).orElse("https://" + service + "." + region + "." + domain)
                + "/");
    }

    private static AwsCredentialSource credentials(ReadSettings read, DefaultChains chains) {
        Optional<String> accessKeyId = read.optional(ACCESS_KEY_ID);
        Optional<String> secretKey = read.optional(SECRET_ACCESS_KEY);
        Optional<String> sessionToken = read.optional(SESSION_TOKEN);
        if (accessKeyId.isPresent() != secretKey.isPresent()) {
            throw read.invalid(accessKeyId.isPresent() ? SECRET_ACCESS_KEY : ACCESS_KEY_ID,
                    "is required when " + (accessKeyId.isPresent() ? ACCESS_KEY_ID : SECRET_ACCESS_KEY) + " is set");
        }
        if (accessKeyId.isEmpty()) {
            if (sessionToken.isPresent()) {
                throw read.invalid(SESSION_TOKEN, "needs access-key-id and secret-access-key");
            }
            try {
                return AwsCredentialSource.chain(chains.credentials().get());
            } catch (SdkException noCredentials) {
                throw read.invalid(ACCESS_KEY_ID, "and secret-access-key are required: the SDK's default credential "
                        + "chain found no credentials");
            }
        }
        return AwsCredentialSource.fixed(sessionToken
                .<AwsCredentialsIdentity>map(token -> AwsSessionCredentialsIdentity.create(accessKeyId.get(),
                        secretKey.get(), token))
                .orElseGet(() -> AwsCredentialsIdentity.create(accessKeyId.get(), secretKey.get())));
    }

    URI endpoint(AwsOperation operation) {
        return operation == AwsOperation.DETECT_TOXIC_CONTENT ? comprehendUri : rekognitionUri;
    }

    /** What one call must never repeat: its content, the secrets, and the access key id if fixed. */
    ConfidentialText confidential(ClassificationInput input) {
        ConfidentialText sent = ConfidentialText.of(input, read.secretValues());
        return credentials.fixedAccessKeyId().map(sent::with).orElse(sent);
    }

    /** The generated record form would print the secret key; {@link ReadSettings} masks it. */
    @Override
    public String toString() {
        return "AwsSettings[" + read + ", " + credentials + "]";
    }
}
