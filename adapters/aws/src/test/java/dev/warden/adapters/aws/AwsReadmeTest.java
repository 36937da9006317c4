package dev.warden.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's crosswalk tables are the code's; the settings table is checked by the catalogue test. */
class AwsReadmeTest {

    @Test
    void theReadmeShowsBothCrosswalksWithTheirScales() throws IOException {
        String readme = Files.readString(Path.of("adapters/aws/README.md"));

        assertThat(readme).contains(AwsCrosswalk.COMPREHEND.markdownTable(AwsCrosswalk.COMPREHEND_SCALE))
                .contains(AwsCrosswalk.REKOGNITION.markdownTable(AwsCrosswalk.REKOGNITION_SCALE));
    }
}
