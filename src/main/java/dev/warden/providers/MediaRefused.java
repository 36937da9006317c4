package dev.warden.providers;

import dev.warden.spi.ProviderException;

/**
 * An image the fetcher will not hand over: the caller's URL, not the vendor's health, so {@code BAD_REQUEST}. The
 * reason completes "the image URL …" and never repeats the URL, its host or its address.
 */
final class MediaRefused extends ProviderException {

    MediaRefused(String reason) {
        super(Kind.BAD_REQUEST, "the image URL " + reason);
    }
}
