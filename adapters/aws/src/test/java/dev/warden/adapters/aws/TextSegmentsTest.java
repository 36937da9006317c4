package dev.warden.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.warden.spi.ContentPart;

class TextSegmentsTest {

    private static final String EMOJI = "\uD83D\uDE00"; // 4 UTF-8 bytes, two chars in Java

    @Test
    void aTextOfExactlyTheLimitIsOneSegment() {
        assertThat(TextSegments.of("a".repeat(1000))).containsExactly("a".repeat(1000));
    }

    @Test
    void oneByteMoreStartsASecondSegment() {
        assertThat(TextSegments.of("a".repeat(1001))).containsExactly("a".repeat(1000), "a");
    }

    @Test
    void countsBytesNotCharacters() {
        String twoByte = "é".repeat(500);
        assertThat(TextSegments.of(twoByte)).containsExactly(twoByte);

        List<String> segments = TextSegments.of("a" + twoByte);

        assertThat(segments).containsExactly("a" + "é".repeat(499), "é");
        assertThat(utf8Length(segments.get(0))).isEqualTo(999);
    }

    @Test
    void neverCutsACharacterInTwo() {
        String threeByte = "a" + "€".repeat(400);
        String fourByte = "a".repeat(998) + EMOJI + "b";

        assertThat(TextSegments.of(threeByte)).containsExactly("a" + "€".repeat(333), "€".repeat(67));
        assertThat(TextSegments.of(fourByte)).containsExactly("a".repeat(998), EMOJI + "b");
    }

    @Test
    void everySegmentFitsAndTogetherTheyAreTheText() {
        String mixed = ("Grüße " + EMOJI + " 你好 €1 ").repeat(700);

        List<String> segments = TextSegments.of(mixed);

        assertThat(String.join("", segments)).isEqualTo(mixed);
        assertThat(segments).allSatisfy(segment -> {
            assertThat(utf8Length(segment)).isBetween(1, TextSegments.MAX_SEGMENT_BYTES);
            assertThat(Character.isLowSurrogate(segment.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(segment.charAt(segment.length() - 1))).isFalse();
        });
        assertThat(utf8Length(segments.get(0))).isGreaterThan(TextSegments.MAX_SEGMENT_BYTES - 4);
    }

    @Test
    void blankTextHasNoSegments() {
        assertThat(TextSegments.of("")).isEmpty();
        assertThat(TextSegments.of(" \n\t")).isEmpty();
    }

    @Test
    void groupsTenSegmentsPerCallWithoutMixingParts() {
        List<List<String>> calls = TextSegments.calls(List.of(new ContentPart.Text("x".repeat(24_500)),
                new ContentPart.Text("  "), new ContentPart.Text("short")));

        assertThat(calls).extracting(List::size).containsExactly(10, 10, 6);
        assertThat(calls.get(2)).endsWith("x".repeat(500), "short");
        assertThat(calls).allSatisfy(call -> assertThat(call.stream().mapToInt(TextSegmentsTest::utf8Length).sum())
                .isLessThanOrEqualTo(10_000));
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
