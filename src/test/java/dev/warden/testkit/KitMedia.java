package dev.warden.testkit;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.ContentPart;
import dev.warden.spi.FetchedMedia;
import dev.warden.spi.MediaFetcher;
import dev.warden.spi.ProviderException;

/**
 * The kit's media fetcher: serves a real 1×1 PNG for the URLs it is told to serve (the kit: the sample image URL),
 * refuses every other URL as the core's fetcher would ({@code BAD_REQUEST}), and records what it was asked, so a test
 * can prove nothing was fetched for input an adapter refuses, or check the limits an adapter asks for.
 */
public final class KitMedia implements MediaFetcher {

    public static final String PNG = "image/png";

    /** A complete, valid PNG: vendors that sniff the bytes accept it. */
    static final byte[] SAMPLE_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** One fetch an adapter asked for. */
    public record Fetch(String url, long maxBytes, Set<String> acceptedTypes) {
    }

    private final Set<String> servedUrls;
    private final List<Fetch> fetched = new CopyOnWriteArrayList<>();

    public KitMedia(String... servedUrls) {
        this.servedUrls = Set.of(servedUrls);
    }

    /** The bytes served for every URL: a copy, so no test can change them for the next. */
    public static byte[] samplePng() {
        return SAMPLE_PNG.clone();
    }

    @Override
    public Uni<FetchedMedia> fetch(ContentPart.Image image, long maxBytes, Set<String> acceptedTypes) {
        return Uni.createFrom().item(() -> {
            fetched.add(new Fetch(image.url(), maxBytes, Set.copyOf(acceptedTypes)));
            if (!servedUrls.contains(image.url())) {
                throw refused("the image could not be fetched");
            }
            if (SAMPLE_PNG.length > maxBytes || !acceptedTypes.contains(PNG)) {
                throw refused("the image is too big or of a type the vendor does not take");
            }
            return new FetchedMedia(samplePng(), PNG);
        });
    }

    /** Every fetch asked for, served or refused, in order. */
    public List<Fetch> fetched() {
        return List.copyOf(fetched);
    }

    int fetches() {
        return fetched.size();
    }

    private static ProviderException refused(String message) {
        return new ProviderException(ProviderException.Kind.BAD_REQUEST, message);
    }
}
