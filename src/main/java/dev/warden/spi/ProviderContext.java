package dev.warden.spi;

/**
 * What an adapter type gets to build one provider instance: its id, its settings, the HTTP transport to use, the
 * limits the core enforces on content, and the shared fetcher for vendors that need image bytes rather than URLs.
 */
public record ProviderContext(String providerId, ProviderSettings settings, VendorHttp http, ContentLimits limits,
        MediaFetcher media) {

    /** With the core's default content limits and a fetcher that refuses everything. */
    public ProviderContext(String providerId, ProviderSettings settings, VendorHttp http) {
        this(providerId, settings, http, ContentLimits.DEFAULTS, MediaFetcher.REFUSING);
    }

    /** With a fetcher that refuses everything. */
    public ProviderContext(String providerId, ProviderSettings settings, VendorHttp http, ContentLimits limits) {
        this(providerId, settings, http, limits, MediaFetcher.REFUSING);
    }
}
