package dev.warden.spi;

/**
 * What an adapter type gets to build one provider instance: its id, its settings, the HTTP transport to use, and the
 * limits the core enforces on content.
 */
public record ProviderContext(String providerId, ProviderSettings settings, VendorHttp http, ContentLimits limits) {

    /** With the core's default content limits. */
    public ProviderContext(String providerId, ProviderSettings settings, VendorHttp http) {
        this(providerId, settings, http, ContentLimits.DEFAULTS);
    }
}
