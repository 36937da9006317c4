package dev.warden.spi;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The normalized content an adapter classifies: validated parts, in the caller's order. */
public record ClassificationInput(List<ContentPart> parts) {

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
}
