package dev.warden.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import dev.warden.providers.Provider;
import dev.warden.resilience.GuardSettings;
import dev.warden.resilience.ProviderGuard;
import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderVerdict;

/** {@code warden.public-url}: required exactly when an enabled provider answers by callback, and well formed. */
class VendorCallbackUrlsTest {

    @Test
    void isRequiredWhenAnEnabledProviderAnswersByCallback() {
        assertThatThrownBy(() -> VendorCallbackUrls.publicUrl(Optional.empty(), List.of(provider("hive", true, true))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("warden.public-url is required").hasMessageContaining("[hive]");
        assertThatThrownBy(() -> VendorCallbackUrls.publicUrl(Optional.of(" "), List.of(provider("hive", true, true))))
                .isInstanceOf(InvalidSettingsException.class);
    }

    @Test
    void isOptionalWithoutSuchProviders() {
        assertThat(VendorCallbackUrls.publicUrl(Optional.empty(), List.of(provider("openai", true, false),
                provider("hive", false, true)))).isEmpty();
    }

    @Test
    void mustBeAnAbsoluteHttpUrlWithoutQuery() {
        List<Provider> providers = List.of(provider("hive", true, true));
        assertThat(VendorCallbackUrls.publicUrl(Optional.of("https://warden.example.com/base/"), providers))
                .contains(URI.create("https://warden.example.com/base"));
        for (String bad : List.of("warden.example.com", "ftp://warden.example.com", "https://warden.example.com/?a=b",
                "https://warden.example.com/#top", "http://[bad")) {
            assertThatThrownBy(() -> VendorCallbackUrls.publicUrl(Optional.of(bad), providers)).as(bad)
                    .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("warden.public-url");
        }
    }

    private static Provider provider(String id, boolean enabled, boolean byCallback) {
        GuardSettings settings = new GuardSettings(Optional.empty(),
                new GuardSettings.Retry(0, Duration.ofMillis(10), Duration.ofMillis(10), 0.2, 10),
                new GuardSettings.Breaker(false, 0.5, 4, Duration.ofSeconds(1), 1), new GuardSettings.Bulkhead(4, 4),
                0);
        Capabilities capabilities = byCallback ? Capabilities.byCallback(Modality.TEXT)
                : Capabilities.sync(Modality.TEXT);
        ClassifierAdapter adapter = new ClassifierAdapter() {
            @Override
            public Capabilities capabilities() {
                return capabilities;
            }

            @Override
            public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
                return Uni.createFrom().nothing();
            }
        };
        return new Provider(id, "test", enabled, new ProviderGuard(settings), adapter);
    }
}
