package dev.warden.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassificationInputTest {

    @Test
    void joinedTextKeepsTheTextPartsInOrderAndLeavesImagesOut() {
        ClassificationInput input = new ClassificationInput(List.of(new ContentPart.Text("first"),
                new ContentPart.Image("https://cdn.example.com/a.png"), new ContentPart.Text("second")));

        assertThat(input.joinedText()).isEqualTo("first\n\nsecond");
        assertThat(input.joinedText(" | ")).isEqualTo("first | second");
    }

    @Test
    void withoutTextTheJoinedTextIsEmpty() {
        ClassificationInput images = new ClassificationInput(
                List.of(new ContentPart.Image("https://cdn.example.com/a.png")));

        assertThat(images.joinedText()).isEmpty();
    }
}
