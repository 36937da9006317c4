package dev.warden.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code warden.http.*}: Warden's own bounds on a request's line and head, refused with problem details by
 * {@link RequestHeadGate}. They must stay below the HTTP server's hard limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code quarkus.http.limits.max-header-size}), which answer
 * with a bare status and no body.
 */
@ConfigMapping(prefix = "warden.http")
public interface HttpLimitsConfig {

    /** Characters in the request target (path and query) before a {@code 414} problem. */
    @WithDefault("8192")
    int maxUriLength();

    /** Bytes of all header names and values together before a {@code 431} problem. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();
}
