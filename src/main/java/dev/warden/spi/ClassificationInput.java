package dev.warden.spi;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The normalized content an adapter classifies: validated parts, in the caller's order. */
public record ClassificationInput(List<ContentPart> parts) {

    /**
     * Between text parts sent to a vendor as one string: the parts are one piece of content, and a blank line keeps
     * them apart as the caller wrote them.
     */
    public static final String PART_SEPARATOR = "\n\n";

    public ClassificationInput {
        parts = List.copyOf(parts);
    }

    public Set<Modality> modalities() {
        Set<Modality> modalities = EnumSet.noneOf(Modality.class);
        parts.forEach(part -> modalities.add(part.modality()));
        return modalities;
    }

    public List<ContentPart.Text> texts() {
        return parts.stream().filter(ContentPart.Text.class::isInstance).map(ContentPart.Text.class::cast).toList();
    }

    public List<ContentPart.Image> images() {
        return parts.stream().filter(ContentPart.Image.class::isInstance).map(ContentPart.Image.class::cast).toList();
    }

    /** The text parts as one string, in order, with {@link #PART_SEPARATOR} between them; empty without text. */
    public String joinedText() {
        return joinedText(PART_SEPARATOR);
    }

    /** The text parts as one string, in order, with {@code separator} between them; empty without text. */
    public String joinedText(String separator) {
        return texts().stream().map(ContentPart.Text::text).collect(Collectors.joining(separator));
    }
}
