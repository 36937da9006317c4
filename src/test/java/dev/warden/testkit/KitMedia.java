package dev.warden.testkit;

import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ContentPart;
import dev.warden.spi.FetchedMedia;
import dev.warden.spi.MediaFetcher;
import dev.warden.spi.ProviderException;

/**
 * The kit's media fetcher: serves a real 1×1 PNG for the sample image URL, refuses every other URL as the core's
 * fetcher would ({@code BAD_REQUEST}), and counts fetches so the kit can prove nothing was fetched for input an
 * adapter refuses.
 */
final class KitMedia implements MediaFetcher {

    static final String PNG = "image/png";

    /** A complete, valid PNG: vendors that sniff the bytes accept it. */
    static final byte[] SAMPLE_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final String sampleImageUrl;
    private final AtomicInteger fetches = new AtomicInteger();

    KitMedia(String sampleImageUrl) {
        this.sampleImageUrl = sampleImageUrl;
    }

    @Override
    public Uni<FetchedMedia> fetch(ContentPart.Image image, long maxBytes, Set<String> acceptedTypes) {
        return Uni.createFrom().item(() -> {
            fetches.incrementAndGet();
            if (!image.url().equals(sampleImageUrl)) {
                throw refused("the image could not be fetched");
            }
            if (SAMPLE_PNG.length > maxBytes || !acceptedTypes.contains(PNG)) {
                throw refused("the image is too big or of a type the vendor does not take");
            }
            return new FetchedMedia(SAMPLE_PNG.clone(), PNG);
        });
    }

    int fetches() {
        return fetches.get();
    }

    private static ProviderException refused(String message) {
        return new ProviderException(ProviderException.Kind.BAD_REQUEST, message);
    }
}
