package dev.warden.adapters.aws;

import java.util.ArrayList;
import java.util.List;

import dev.warden.spi.ContentPart;

/**
 * Comprehend's text limits, applied by splitting rather than refusing: a segment holds at most
 * {@value #MAX_SEGMENT_BYTES} UTF-8 bytes and is cut between code points (never inside a character), and a call
 * carries at most {@value #MAX_SEGMENTS_PER_CALL} segments, which also keeps it under the 10 KB a call may carry.
 * Segments never span two text parts.
 */
final class TextSegments {

    static final int MAX_SEGMENT_BYTES = 1000;
    static final int MAX_SEGMENTS_PER_CALL = 10;

    private TextSegments() {
    }

    /** The segments of all text parts, grouped into the calls that carry them; blank parts carry nothing. */
    static List<List<String>> calls(List<ContentPart.Text> texts) {
        List<String> segments = new ArrayList<>();
        texts.forEach(text -> segments.addAll(of(text.text())));
        List<List<String>> calls = new ArrayList<>();
        for (int from = 0; from < segments.size(); from += MAX_SEGMENTS_PER_CALL) {
            calls.add(List.copyOf(segments.subList(from, Math.min(from + MAX_SEGMENTS_PER_CALL, segments.size()))));
        }
        return calls;
    }

    /** One text cut into segments of at most {@value #MAX_SEGMENT_BYTES} UTF-8 bytes. */
    static List<String> of(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int at = 0; at < text.length();) {
            int codePoint = text.codePointAt(at);
            int width = utf8Width(codePoint);
            if (bytes + width > MAX_SEGMENT_BYTES) {
                segments.add(text.substring(start, at));
                start = at;
                bytes = 0;
            }
            bytes += width;
            at += Character.charCount(codePoint);
        }
        segments.add(text.substring(start));
        return List.copyOf(segments);
    }

    /** An unpaired surrogate counts as 3 bytes, more than the 1 byte ('?') Java writes for it: safe either way. */
    private static int utf8Width(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
