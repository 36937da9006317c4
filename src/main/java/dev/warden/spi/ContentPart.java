package dev.warden.spi;

import java.util.Objects;

/** One piece of the content to classify. */
public sealed interface ContentPart permits ContentPart.Text, ContentPart.Image {

    Modality modality();

    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Modality modality() {
            return Modality.TEXT;
        }
    }

    record Image(String url) implements ContentPart {
        public Image {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public Modality modality() {
            return Modality.IMAGE;
        }
    }
}
