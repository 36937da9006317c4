package dev.warden.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.warden.config.PartnersConfig;
import dev.warden.config.PoliciesConfig;
import dev.warden.spi.InvalidSettingsException;

/** What start-up refuses in {@code warden.partners.*} and a policy's {@code review-partner}, and what it reads. */
class ReviewDeskSettingsTest {

    private static final String ONE = "whsec_cmV2aWV3LWRlc2stdGVzdC1zZWNyZXQtb25lLTAxMjM0NTY=";
    private static final String TWO = "whsec_cmV2aWV3LWRlc2stdGVzdC1zZWNyZXQtdHdvLTY1NDMyMTA=";
    /** Decodes to 10 bytes: too short for a key. */
    private static final String SHORT = "whsec_c2hvcnQta2V5IQ==";

    @Test
    void aDeskIsReadWithDefaultsAndSignsWithItsFirstWebhookSecret() {
        Map<String, ReviewDeskSettings> desks = read(desk(Map.of()));

        ReviewDeskSettings desk = desks.get("desk");
        assertThat(desks).containsOnlyKeys("desk");
        assertThat(desk.url()).isEqualTo("https://desk.example.com/requests");
        assertThat(desk.webhookSecrets()).hasSize(2);
        assertThat(desk.signingSecret()).isSameAs(desk.webhookSecrets().get(0));
        assertThat(desk.enabled()).isTrue();
        assertThat(desk.delivery().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(desk.delivery().bulkhead().maxConcurrent()).isEqualTo(16);
        assertThat(desk.prefix()).isEqualTo("warden.partners.desk.");
    }

    @Test
    void aSigningSecretOfItsOwnAndGuardSettingsAreRead() {
        ReviewDeskSettings desk = read(desk(Map.of("signing-secret", TWO, "timeout", "3s",
                "bulkhead.max-concurrent", "2", "enabled", "false"))).get("desk");

        assertThat(desk.signingSecret()).isNotSameAs(desk.webhookSecrets().get(0));
        assertThat(desk.delivery().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(desk.delivery().bulkhead().maxConcurrent()).isEqualTo(2);
        assertThat(desk.enabled()).isFalse();
    }

    @Test
    void aPartnerOfAnotherTypeIsNoDeskAndNoPolicyMaySendReviewsToIt() {
        Map<String, String> properties = desk(Map.of("type", "ncmec"));

        assertThat(read(properties)).isEmpty();
        properties.put("warden.policies.default.providers", "local-rules");
        properties.put("warden.policies.default.review-partner", "desk");
        assertThatThrownBy(() -> read(properties)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("review-partner names 'desk', which is not a review partner");
    }

    @Test
    void aDeskWithoutUrlFails() {
        Map<String, String> properties = desk(Map.of());
        properties.remove("warden.partners.desk.url");

        assertThatThrownBy(() -> read(properties)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.partners.desk.url is required");
    }

    @Test
    void aDeskWithoutWebhookSecretsFails() {
        Map<String, String> properties = desk(Map.of());
        properties.remove("warden.partners.desk.webhook-secrets");

        assertThatThrownBy(() -> read(properties)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.partners.desk.webhook-secrets is required");
    }

    @Test
    void aMalformedSecretFailsNamingItsEntryButNeverItsValue() {
        assertThatThrownBy(() -> read(desk(Map.of("webhook-secrets", ONE + "," + SHORT))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.partners.desk.webhook-secrets (entry 2) decodes to 10 bytes")
                .hasMessageNotContaining(SHORT.substring(6));
        assertThatThrownBy(() -> read(desk(Map.of("signing-secret", "not-a-secret"))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.partners.desk.signing-secret must start with whsec_ followed by the base64 of"
                        + " the key")
                .hasMessageNotContaining("not-a-secret");
    }

    @Test
    void aPolicyNamingAnUnknownReviewPartnerFails() {
        Map<String, String> properties = desk(Map.of());
        properties.put("warden.policies.default.providers", "local-rules");
        properties.put("warden.policies.default.review-partner", "other-desk");

        assertThatThrownBy(() -> read(properties)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.policies.default.review-partner names 'other-desk', which is not a review"
                        + " partner (warden.partners.<id>.type=review); configured: [desk]");
    }

    @Test
    void aPolicyNamingItsDeskIsAccepted() {
        Map<String, String> properties = desk(Map.of());
        properties.put("warden.policies.default.providers", "local-rules");
        properties.put("warden.policies.default.review-partner", "desk");

        assertThat(read(properties)).containsOnlyKeys("desk");
    }

    private static Map<String, String> desk(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("warden.partners.desk.type", "review");
        properties.put("warden.partners.desk.url", "https://desk.example.com/requests");
        properties.put("warden.partners.desk.webhook-secrets", ONE + "," + TWO);
        overrides.forEach((key, value) -> properties.put("warden.partners.desk." + key, value));
        return properties;
    }

    private static Map<String, ReviewDeskSettings> read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PartnersConfig.class)
                .withMapping(PoliciesConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withDefaultValues(properties).build();
        return ReviewDeskSettings.readAll(config.getConfigMapping(PartnersConfig.class),
                config.getConfigMapping(PoliciesConfig.class));
    }
}
