package dev.warden.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code warden.media.*}: the core's fetcher of images given by URL, for vendors that want bytes. */
@ConfigMapping(prefix = "warden.media")
public interface MediaConfig {

    /** No image larger than this is read, whatever the vendor would take; past it the download is aborted. */
    @WithDefault("5M")
    MemorySize maxSize();

    /** The whole fetch: resolution, connection, status line and body. */
    @WithDefault("3s")
    Duration timeout();

    /**
     * Hosts (exact names or IP literals, any port) that may be non-public and may be fetched over plain http: for
     * tests and for an image store inside the operator's own network. Never a metadata address.
     */
    Optional<List<String>> allowedHosts();
}
