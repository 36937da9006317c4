package dev.warden.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warden.spi.ProviderException;

class S3ObjectUrlTest {

    @Test
    void readsBucketAndKey() {
        assertThat(S3ObjectUrl.parse("s3://media-bucket/uploads/2026/cat.png"))
                .isEqualTo(new S3ObjectUrl("media-bucket", "uploads/2026/cat.png", Optional.empty()));
    }

    @Test
    void readsTheVersion() {
        assertThat(S3ObjectUrl.parse("s3://media.bucket-1/cat.png?versionId=3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"))
                .isEqualTo(new S3ObjectUrl("media.bucket-1", "cat.png",
                        Optional.of("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY")));
    }

    @Test
    void keepsAQuestionMarkThatIsPartOfTheKey() {
        assertThat(S3ObjectUrl.parse("s3://bucket/what?.png").key()).isEqualTo("what?.png");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://media-bucket.s3.amazonaws.com/uploads/cat.png | media-bucket | uploads/cat.png | ",
            "https://media.bucket.s3.eu-west-1.amazonaws.com/a%20cat.png?versionId=v7 | media.bucket | a cat.png | v7",
            "https://media-bucket.s3-eu-west-1.amazonaws.com/cat.png | media-bucket | cat.png | ",
            "https://s3.eu-west-1.amazonaws.com/media-bucket/2026/cat.png | media-bucket | 2026/cat.png | ",
            "https://s3.amazonaws.com/media-bucket/cat.png?X-Amz-Signature=abc&versionId=v2 | media-bucket | cat.png | v2",
            "https://media-bucket.s3.cn-north-1.amazonaws.com.cn/cat.png | media-bucket | cat.png | " })
    void readsS3HttpsUrlsAsTheApiAcceptsThem(String url, String bucket, String key, String version) {
        assertThat(S3ObjectUrl.parse(url)).isEqualTo(new S3ObjectUrl(bucket, key, Optional.ofNullable(version)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://cdn.example.com/cat.png", "http://bucket.s3.amazonaws.com/cat.png",
            "https://s3.amazonaws.com/bucket", "https://bucket.s3.amazonaws.com/", "s3://bucket", "s3://bucket/",
            "s3://Bucket_Upper/cat.png", "s3://ab/cat.png", "s3:///cat.png", "s3://bucket/cat.png?versionId=" })
    void refusesWhatIsNotAnS3Object(String url) {
        ProviderException refused = catchThrowableOfType(ProviderException.class, () -> S3ObjectUrl.parse(url));

        assertThat(refused.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
        assertThat(refused.getMessage()).doesNotContain("bucket/").doesNotContain("cat.png");
    }

    @Test
    void refusesAKeyLongerThanS3Allows() {
        assertThat(catchThrowableOfType(ProviderException.class,
                () -> S3ObjectUrl.parse("s3://bucket/" + "k".repeat(1025))).kind())
                .isEqualTo(ProviderException.Kind.UNSUPPORTED);
    }

    @Test
    void toStringHidesTheObject() {
        assertThat(S3ObjectUrl.parse("s3://secret-bucket/private.png").toString()).doesNotContain("secret-bucket")
                .doesNotContain("private");
    }
}
