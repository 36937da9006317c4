package dev.warden.spi;

import java.util.Set;

import io.smallrye.mutiny.Uni;

/**
 * Fetches the bytes of an image the caller gave by URL, for vendors that want bytes rather than a URL. The core's
 * fetcher applies the same rules to every adapter: https only, no private or loopback addresses, no redirects, a
 * size cap and a time cap, and a content type checked against the bytes themselves. Cancelling the returned
 * {@code Uni} aborts the download.
 *
 * <p>Failures arrive as {@link ProviderException} of kind {@code BAD_REQUEST}: a URL that is refused, unreachable,
 * too big or of the wrong type is the caller's problem, not the vendor's health, so it must not open a breaker.
 * Messages never repeat the URL.
 */
public interface MediaFetcher {

    /**
     * @param maxBytes the vendor's own limit; the core's {@code warden.media.max-size} caps it further
     * @param acceptedTypes media types the vendor takes (e.g. {@code image/png}); the fetched type must be one
     */
    Uni<FetchedMedia> fetch(ContentPart.Image image, long maxBytes, Set<String> acceptedTypes);

    /** A fetcher that refuses everything: for adapter types built outside the core, e.g. in unit tests. */
    MediaFetcher REFUSING = (image, maxBytes, acceptedTypes) -> Uni.createFrom()
            .failure(new ProviderException(ProviderException.Kind.BAD_REQUEST, "no media fetcher is configured"));
}
