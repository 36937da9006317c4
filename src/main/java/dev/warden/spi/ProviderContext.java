package dev.warden.spi;

/** What an adapter type gets to build one provider instance: its id, its settings, and the HTTP transport to use. */
public record ProviderContext(String providerId, ProviderSettings settings, VendorHttp http) {
}
