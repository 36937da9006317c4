package dev.warden.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.testkit.KitSettings;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsSettingsTest {

    static final String ACCESS_KEY_ID = "AKIAWARDENTEST000001";
    static final String SECRET_KEY = "wardenSecretKey/0123456789abcdefghijklmnop";

    /** Chains that would find a region and credentials, so a test sees only what the settings decide. */
    static final DefaultChains FINDING = new DefaultChains(() -> "ap-southeast-2",
            () -> StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACHAIN00000000001", "chain/secret")));

    /** Chains that find nothing, as on a machine without AWS configuration. */
    static final DefaultChains FINDING_NOTHING = new DefaultChains(() -> {
        throw SdkClientException.create("Unable to load region from any of the providers in the chain");
    }, () -> () -> {
        throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    });

    /** A region but no credentials. */
    static final DefaultChains FINDING_NOTHING_BUT_REGION = new DefaultChains(() -> "us-east-1",
            FINDING_NOTHING.credentials());

    @Test
    void regionalEndpointsFollowTheRegion() {
        AwsSettings settings = read(Map.of("region", "eu-west-1"), FINDING);

        assertThat(settings.comprehendUri()).isEqualTo(URI.create("https://comprehend.eu-west-1.amazonaws.com/"));
        assertThat(settings.rekognitionUri()).isEqualTo(URI.create("https://rekognition.eu-west-1.amazonaws.com/"));
        assertThat(read(Map.of("region", "cn-north-1"), FINDING).rekognitionUri())
                .isEqualTo(URI.create("https://rekognition.cn-north-1.amazonaws.com.cn/"));
    }

    @Test
    void baseUrlServesBothServicesAndEachServiceMayHaveItsOwn() {
        AwsSettings shared = read(Map.of("base-url", "https://vpce-1.example.internal/aws/"), FINDING);
        AwsSettings split = read(Map.of("base-url", "https://vpce-1.example.internal",
                "rekognition-base-url", "http://127.0.0.1:4566"), FINDING);

        assertThat(shared.comprehendUri()).isEqualTo(URI.create("https://vpce-1.example.internal/aws/"));
        assertThat(shared.rekognitionUri()).isEqualTo(shared.comprehendUri());
        assertThat(split.comprehendUri()).isEqualTo(URI.create("https://vpce-1.example.internal/"));
        assertThat(split.rekognitionUri()).isEqualTo(URI.create("http://127.0.0.1:4566/"));
    }

    @Test
    void theDefaultChainsFillWhatTheSettingsLeaveOut() {
        AwsSettings settings = read(Map.of(), FINDING);

        assertThat(settings.region()).isEqualTo("ap-southeast-2");
        assertThat(settings.credentials().fixedAccessKeyId()).isEmpty();
        assertThat(settings.minConfidence()).isEqualTo(50.0);
        assertThat(settings.languageCode()).isEqualTo("en");
        assertThat(settings.imageSource()).isEqualTo(AwsSettings.ImageSource.FETCH);
    }

    @Test
    void credentialsInTheSettingsWinOverTheChain() {
        AwsSettings settings = read(Map.of("access-key-id", ACCESS_KEY_ID, "secret-access-key", SECRET_KEY),
                FINDING_NOTHING_BUT_REGION);

        assertThat(settings.credentials().fixedAccessKeyId()).contains(ACCESS_KEY_ID);
    }

    @Test
    void withoutARegionAnywhereStartUpFailsNamingTheKey() {
        InvalidSettingsException failure = KitSettings.refused(
                () -> read(Map.of("access-key-id", ACCESS_KEY_ID, "secret-access-key", SECRET_KEY),
                        FINDING_NOTHING));

        assertThat(failure).hasMessageStartingWith("warden.providers.under-test.region ");
    }

    @Test
    void withoutCredentialsAnywhereStartUpFailsNamingTheKey() {
        InvalidSettingsException failure = KitSettings.refused(
                () -> read(Map.of("region", "us-east-1"), FINDING_NOTHING));

        assertThat(failure).hasMessageStartingWith("warden.providers.under-test.access-key-id ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "region=US East | region",
            "region=us-east-1.evil.example | region",
            "secret-access-key=" + SECRET_KEY + " | access-key-id",
            "access-key-id=" + ACCESS_KEY_ID + " | secret-access-key",
            "session-token=token-without-keys | session-token",
            "access-key-id=AKIA WITH SPACE,secret-access-key=x | access-key-id",
            "min-confidence=101 | min-confidence",
            "min-confidence=-1 | min-confidence",
            "language-code=fr | language-code",
            "image-source=url | image-source",
            "base-url=ftp://example.com | base-url",
            "labels.INSULT=rudeness | labels.INSULT" })
    void aBadSettingFailsStartUpNamingItsKey(String assignments, String key) {
        Map<String, String> values = new HashMap<>();
        for (String assignment : assignments.split(",")) {
            String[] pair = assignment.split("=", 2);
            values.put(pair[0].trim(), pair[1].trim());
        }
        values.putIfAbsent("region", "us-east-1");

        InvalidSettingsException failure = KitSettings.refused(() -> read(values, FINDING));

        assertThat(failure).hasMessageStartingWith("warden.providers.under-test." + key + " ");
        assertThat(failure.getMessage()).doesNotContain(SECRET_KEY);
    }

    @Test
    void labelOverridesReachBothCrosswalks() {
        AwsSettings settings = read(Map.of("labels.Swimwear or Underwear", "sexual", "labels.PROFANITY", ""),
                FINDING);

        assertThat(settings.rekognitionCrosswalk().categories("Swimwear or Underwear"))
                .containsExactly(dev.warden.spi.Category.SEXUAL);
        assertThat(settings.comprehendCrosswalk().categories("PROFANITY")).isEmpty();
        assertThat(settings.comprehendCrosswalk().categories("INSULT"))
                .containsExactly(dev.warden.spi.Category.HARASSMENT);
    }

    @Test
    void toStringShowsNoSecret() {
        AwsSettings settings = read(Map.of("access-key-id", ACCESS_KEY_ID, "secret-access-key", SECRET_KEY,
                "session-token", "FwoGZXIvYXdzEXAMPLESESSIONTOKEN"), FINDING);

        assertThat(settings.toString()).doesNotContain(SECRET_KEY).doesNotContain("EXAMPLESESSIONTOKEN")
                .contains("secret-access-key=****");
    }

    static AwsSettings read(Map<String, String> values, DefaultChains chains) {
        return AwsSettings.read(new ProviderSettings("under-test", values), chains);
    }
}
