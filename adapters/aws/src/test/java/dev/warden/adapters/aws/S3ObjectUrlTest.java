package dev.warden.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
    @ValueSource(strings = { "https://bucket.s3.amazonaws.com/cat.png", "s3://bucket", "s3://bucket/",
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
