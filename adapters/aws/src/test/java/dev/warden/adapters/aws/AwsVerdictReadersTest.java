package dev.warden.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.warden.spi.Category;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;

/** What the two readers refuse, and the corners of Rekognition's label levels. */
class AwsVerdictReadersTest {

    private final RekognitionVerdictReader rekognition = new RekognitionVerdictReader(AwsCrosswalk.REKOGNITION);
    private final ComprehendVerdictReader comprehend = new ComprehendVerdictReader(AwsCrosswalk.COMPREHEND);

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ModerationLabels\":{}}",
            "{\"ModerationLabels\":[{\"Name\":\"Violence\",\"Confidence\":150}]}",
            "{\"ModerationLabels\":[{\"Name\":\"Violence\",\"Confidence\":-1}]}",
            "{\"ModerationLabels\":[{\"Name\":\"Violence\",\"Confidence\":\"high\"}]}",
            "{\"ModerationLabels\":[{\"Name\":\"Violence\"}]}",
            "{\"ModerationLabels\":[{\"Name\":7,\"Confidence\":50}]}",
            "{\"ModerationLabels\":[{\"Name\":\" \",\"Confidence\":50}]}" })
    void rekognitionAnswersThatCannotBeReadAreInvalid(String body) {
        assertThat(catchThrowableOfType(ProviderException.class, () -> rekognition.read(json(body))).kind())
                .isEqualTo(Kind.INVALID_RESPONSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ResultList\":{}}",
            "{\"ResultList\":[{\"Labels\":[]}]}",
            "{\"ResultList\":[{\"Toxicity\":1.5,\"Labels\":[]}]}",
            "{\"ResultList\":[{\"Toxicity\":0.5,\"Labels\":{}}]}",
            "{\"ResultList\":[{\"Toxicity\":0.5,\"Labels\":[{\"Name\":\"INSULT\"}]}]}",
            "{\"ResultList\":[{\"Toxicity\":0.5,\"Labels\":[{\"Name\":\"\",\"Score\":0.5}]}]}",
            "{\"ResultList\":[{\"Toxicity\":0.5,\"Labels\":[{\"Name\":\"INSULT\",\"Score\":-0.1}]}]}" })
    void comprehendAnswersThatCannotBeReadAreInvalid(String body) {
        assertThat(catchThrowableOfType(ProviderException.class, () -> comprehend.read(json(body), 1)).kind())
                .isEqualTo(Kind.INVALID_RESPONSE);
    }

    @Test
    void aLevelThreeLabelReachesItsLevelOneThroughItsParent() {
        ProviderVerdict verdict = rekognition.read(json("{\"ModerationLabels\":["
                + "{\"Name\":\"Exposed Female Nipple\",\"ParentName\":\"Explicit Nudity\",\"Confidence\":91},"
                + "{\"Name\":\"Explicit Nudity\",\"ParentName\":\"Explicit\",\"Confidence\":60}]}"));

        assertThat(verdict.scores()).containsExactly(Map.entry(Category.SEXUAL, 0.91));
        assertThat(verdict.model()).isEqualTo(RekognitionVerdictReader.MODEL);
    }

    @Test
    void parentsThatFormALoopEndAfterThreeLevels() {
        ProviderVerdict verdict = rekognition.read(json("{\"ModerationLabels\":["
                + "{\"Name\":\"A\",\"ParentName\":\"B\",\"Confidence\":70},"
                + "{\"Name\":\"B\",\"ParentName\":\"A\",\"Confidence\":70}]}"));

        assertThat(verdict.scores()).isEmpty();
        assertThat(verdict.vendorScores()).containsOnlyKeys("A", "B");
    }

    @Test
    void aModelVersionThatIsNotAVersionIsLeftOut() {
        assertThat(rekognition.read(json("{\"ModerationLabels\":[],\"ModerationModelVersion\":\"7.0\"}")).model())
                .isEqualTo("aws-rekognition-moderation-7.0");
        assertThat(rekognition.read(json("{\"ModerationLabels\":[],\"ModerationModelVersion\":\"" + "x".repeat(40)
                + "\"}")).model()).isEqualTo(RekognitionVerdictReader.MODEL);
    }

    private static VendorResponse json(String body) {
        return new VendorResponse(200, Map.of("Content-Type", List.of(AwsFixtures.CONTENT_TYPE)),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
