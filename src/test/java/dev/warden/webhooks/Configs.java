package dev.warden.webhooks;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.warden.config.CallbacksConfig;
import dev.warden.config.ClientsConfig;

/** The configuration mappings the callback beans read, built from properties as Quarkus would at start-up. */
final class Configs {

    private Configs() {
    }

    static ClientsConfig clients(Map<String, String> properties) {
        return build(properties).getConfigMapping(ClientsConfig.class);
    }

    static CallbacksConfig callbacks(Map<String, String> properties) {
        return build(properties).getConfigMapping(CallbacksConfig.class);
    }

    private static SmallRyeConfig build(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(ClientsConfig.class).withMapping(CallbacksConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withDefaultValues(properties).build();
    }
}
