package dev.warden.spi;

import java.util.Objects;

/** The bytes of a fetched image and their media type (e.g. {@code image/png}), as checked by the fetcher. */
public record FetchedMedia(byte[] bytes, String contentType) {

    public FetchedMedia {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
    }
}
