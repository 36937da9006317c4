package dev.warden.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code warden.vendor-http.*}: the shared HTTP client adapters use to reach vendors. */
@ConfigMapping(prefix = "warden.vendor-http")
public interface VendorHttpConfig {

    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * A vendor exchange that receives nothing for this long is aborted and its connection closed; a provider's
     * {@code timeout}, when shorter, takes its place.
     */
    @WithDefault("30s")
    Duration idleTimeout();

    @WithDefault("64")
    int maxConnectionsPerVendor();

    /** A vendor answer larger than this is aborted while reading and reported {@code INVALID_RESPONSE}. */
    @WithDefault("1M")
    MemorySize maxResponseSize();
}
