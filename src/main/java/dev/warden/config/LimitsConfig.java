package dev.warden.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code warden.limits.*}: bounds on what a caller may send. */
@ConfigMapping(prefix = "warden.limits")
public interface LimitsConfig {

    @WithDefault("16")
    int maxParts();

    /** Characters per text part. */
    @WithDefault("20000")
    int maxTextLength();

    @WithDefault("2048")
    int maxUrlLength();

    @WithDefault("1M")
    MemorySize maxBodySize();
}
