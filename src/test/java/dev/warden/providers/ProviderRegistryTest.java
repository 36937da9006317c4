package dev.warden.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;

import dev.warden.config.PoliciesConfig;
import dev.warden.resilience.CircuitState;
import dev.warden.spi.Capabilities;
import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.ContentLimits;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.MediaFetcher;
import dev.warden.spi.Modality;
import dev.warden.spi.PartnerWebhooks;
import dev.warden.spi.ProviderContext;
import dev.warden.spi.ProviderVerdict;

/** Providers are built from configuration at start-up, and every mistake in it stops the start. */
class ProviderRegistryTest {

    /** An adapter type with one setting of its own, and retries off by default. */
    static final class EchoType implements ClassifierAdapterType {

        final List<ProviderContext> contexts = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "echo";
        }

        @Override
        public Map<String, String> defaultSettings() {
            return Map.of("retry.max-retries", "0");
        }

        @Override
        public ClassifierAdapter create(ProviderContext context) {
            contexts.add(context);
            context.settings().require("greeting");
            return new ClassifierAdapter() {
                @Override
                public Capabilities capabilities() {
                    return Capabilities.sync(Modality.TEXT);
                }

                @Override
                public Uni<ProviderVerdict> classify(dev.warden.spi.ClassificationInput input,
                        dev.warden.spi.CallContext call) {
                    return Uni.createFrom().item(new ProviderVerdict(Map.of(), Map.of(), "echo"));
                }
            };
        }
    }

    private static ProviderRegistry registry(Map<String, String> properties) {
        return registry(properties, new EchoType(), MediaFetcher.REFUSING);
    }

    private static ProviderRegistry registry(Map<String, String> properties, EchoType type, MediaFetcher media) {
        Map<String, String> all = new HashMap<>(Map.of("warden.providers.echo.greeting", "hi",
                "warden.policies.default.providers", "echo"));
        all.putAll(properties);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PoliciesConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).withDefaultValues(all).build();
        return new ProviderRegistry(config, List.of(type),
                new ProviderRegistry.Transport(request -> Uni.createFrom().nullItem(), media),
                config.getConfigMapping(PoliciesConfig.class), ContentLimits.DEFAULTS,
                new PartnerWebhooks(webhook -> Uni.createFrom().nothing(), event -> Uni.createFrom().nothing()));
    }

    @Test
    void everyAdapterGetsTheCoresMediaFetcher() {
        EchoType type = new EchoType();
        MediaFetcher media = (image, maxBytes, accepted) -> Uni.createFrom().nothing();

        registry(Map.of("warden.providers.echo-eu.adapter", "echo", "warden.providers.echo-eu.greeting", "hej"),
                type, media);

        assertThat(type.contexts).hasSize(2).allSatisfy(context -> assertThat(context.media()).isSameAs(media));
    }

    @Test
    void calibrationKeysAreTheCoresAndABadCurveStopsTheStartNamingItsKey() {
        Provider echo = registry(Map.of("warden.providers.echo.calibration.hate", "0:0,0.5:0.8,1:1"))
                .find("echo").orElseThrow();

        assertThat(echo.calibration().apply(Map.of(Category.HATE, 0.5))).containsEntry(Category.HATE, 0.8);
        assertThatThrownBy(() -> registry(Map.of("warden.providers.echo.calibration.hate", "0:0,0.5:0.8,1:0.2")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.providers.echo.calibration.hate must never decrease");
    }

    @Test
    void buildsAProviderWithItsTypesDefaultsAndConfiguredGuard() {
        Provider echo = registry(Map.of("warden.providers.echo.bulkhead.max-concurrent", "7",
                "warden.providers.echo.timeout", "250ms")).find("echo").orElseThrow();

        assertThat(echo.adapterType()).isEqualTo("echo");
        assertThat(echo.enabled()).isTrue();
        assertThat(echo.guard().timeout()).contains(Duration.ofMillis(250));
        assertThat(echo.guard().status().maxConcurrent()).isEqualTo(7);
        assertThat(echo.guard().status().circuit()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void twoInstancesOfOneTypeAreTwoProviders() {
        ProviderRegistry registry = registry(Map.of("warden.providers.echo-eu.adapter", "echo",
                "warden.providers.echo-eu.greeting", "hallo", "warden.providers.echo-eu.enabled", "false"));

        assertThat(registry.all()).extracting(Provider::id).containsExactly("echo", "echo-eu");
        assertThat(registry.find("echo-eu").orElseThrow().enabled()).isFalse();
    }

    @Test
    void aMisspelledSettingStopsTheStart() {
        assertThatThrownBy(() -> registry(Map.of("warden.providers.echo.greting", "typo")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("warden.providers.echo.greting");
    }

    @Test
    void aMisspelledGuardSettingStopsTheStart() {
        assertThatThrownBy(() -> registry(Map.of("warden.providers.echo.retry.max-retires", "3")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("retry.max-retires");
    }

    @Test
    void anInvalidGuardValueStopsTheStart() {
        assertThatThrownBy(() -> registry(Map.of("warden.providers.echo.circuit-breaker.failure-ratio", "1.5")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("failure-ratio");
        assertThatThrownBy(() -> registry(Map.of("warden.providers.echo.timeout", "soon")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> registry(Map.of("warden.providers.echo.enabled", "yes")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("enabled");
    }

    @Test
    void anUnknownAdapterTypeStopsTheStart() {
        assertThatThrownBy(() -> registry(Map.of("warden.providers.other.adapter", "nope")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("no adapter type 'nope'");
    }

    @Test
    void aPolicyNamingAnUnknownProviderStopsTheStart() {
        assertThatThrownBy(() -> registry(Map.of("warden.policies.default.providers", "echo,ghost")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("'ghost'");
    }

    @Test
    void aMissingRequiredAdapterSettingStopsTheStart() {
        assertThatThrownBy(() -> registry(Map.of("warden.providers.echo-eu.adapter", "echo")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("warden.providers.echo-eu.greeting is required");
    }
}
