package dev.warden.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code warden.reports.*}: reports to reporting partners, whatever the partner. */
@ConfigMapping(prefix = "warden.reports")
public interface ReportsConfig {

    /** Largest {@code POST /v1/reports} body; a larger one is refused with 413 before it is parsed. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    Evidence evidence();

    /**
     * Hosts (exact names or IP literals, any port) that may be non-public and reached over plain http, for evidence
     * files and partner base URLs: tests, simulators, an evidence store inside the operator's network. Never a
     * metadata address.
     */
    Optional<List<String>> allowedHosts();

    /** Evidence files Warden fetches to upload (CyberTip): one file in memory at a time per report. */
    interface Evidence {
        @WithDefault("20M")
        MemorySize maxSize();

        /** One evidence download, from resolving the host to the last byte. */
        @WithDefault("60s")
        Duration timeout();
    }
}
