package dev.warden.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;

import dev.warden.config.PartnersConfig;
import dev.warden.providers.PartnerKind;
import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.reporting.BatchAnswer;
import dev.warden.spi.reporting.BatchReportingAdapter;
import dev.warden.spi.reporting.Environment;
import dev.warden.spi.reporting.Existence;
import dev.warden.spi.reporting.OutgoingReport;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingAdapter;
import dev.warden.spi.reporting.ReportingAdapterType;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.spi.reporting.RuleSet;
import dev.warden.spi.reporting.RuleViolation;

class ReportingPartnersTest {

    /** A batch partner type that records what it was given and reads one setting of its own, {@code token}. */
    static final class RecordingType implements ReportingAdapterType {

        final List<ReportingContext> contexts = new ArrayList<>();

        @Override
        public ReportingDescriptor descriptor() {
            return new ReportingDescriptor("recording", "Recording Partner", ReportFormat.STATEMENT_OF_REASONS,
                    SettingsSpec.builder().build(), Map.of("timeout", "45s", "rate-limit.per-minute", "600"),
                    Map.of(Environment.PRODUCTION, URI.create("https://partner.example")), List.of("v1"), 100);
        }

        @Override
        public ReportingAdapter create(ReportingContext context) {
            contexts.add(context);
            context.settings().require("token");
            return new BatchReportingAdapter() {
                @Override
                public ReportFormat format() {
                    return ReportFormat.STATEMENT_OF_REASONS;
                }

                @Override
                public RuleSet rules() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public List<RuleViolation> validate(JsonNode content) {
                    return List.of();
                }

                @Override
                public URI baseUrl() {
                    return context.baseUrl();
                }

                @Override
                public int maxBatch() {
                    return 100;
                }

                @Override
                public String partnerKey(JsonNode content) {
                    return content.path("puid").asText();
                }

                @Override
                public Uni<BatchAnswer> submit(List<OutgoingReport> batch) {
                    return Uni.createFrom().nothing();
                }

                @Override
                public Uni<Existence> exists(String partnerKey) {
                    return Uni.createFrom().nothing();
                }
            };
        }
    }

    private static ReportingPartners partners(Map<String, String> properties, RecordingType type,
            Set<String> allowedHosts) {
        Map<String, String> all = new HashMap<>(Map.of("warden.partners.eu.type", "recording",
                "warden.partners.eu.token", "secret-token"));
        all.putAll(properties);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PartnersConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter()).withDefaultValues(all).build();
        return new ReportingPartners(config, config.getConfigMapping(PartnersConfig.class), List.of(type),
                request -> Uni.createFrom().nothing(), allowedHosts);
    }

    private static ReportingPartners partners(Map<String, String> properties) {
        return partners(properties, new RecordingType(), Set.of());
    }

    @Test
    void buildsAPartnerWithTheTypesDefaultsUnderConfiguration() {
        RecordingType type = new RecordingType();
        ReportingPartner eu = partners(Map.of("warden.partners.eu.environment", "production",
                "warden.partners.eu.bulkhead.max-concurrent", "2", "warden.partners.eu.batch.linger", "500ms"),
                type, Set.of()).find("eu").orElseThrow();

        assertThat(eu.kind()).isEqualTo(PartnerKind.REPORTING);
        assertThat(eu.adapterType()).isEqualTo("recording");
        assertThat(eu.adapter().baseUrl()).isEqualTo(URI.create("https://partner.example"));
        assertThat(eu.settings().timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(eu.settings().perMinute()).isEqualTo(600);
        assertThat(eu.settings().maxConcurrent()).isEqualTo(2);
        assertThat(eu.settings().batchLinger()).isEqualTo(Duration.ofMillis(500));
        assertThat(eu.settings().authFailureWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(type.contexts).singleElement().satisfies(context -> {
            assertThat(context.partnerId()).isEqualTo("eu");
            assertThat(context.environment()).isEqualTo(Environment.PRODUCTION);
        });
    }

    @Test
    void theBulkheadBoundsTheOutboxAttemptsForThePartnerOnly() {
        ReportingPartners partners = partners(Map.of("warden.partners.eu.environment", "production",
                "warden.partners.eu.bulkhead.max-concurrent", "3"));

        assertThat(partners.concurrency("eu")).isEqualTo(OptionalInt.of(3));
        assertThat(partners.concurrency("callback:tester")).isEmpty();
        assertThat(partners.destinations()).containsExactly("eu");
    }

    @Test
    void theEnvironmentDefaultsToTestWhichNeedsABaseUrlWhenThePartnerPublishesNone() {
        assertThatThrownBy(() -> partners(Map.of())).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.partners.eu.base-url is required: Recording Partner publishes no URL for"
                        + " environment test");
        assertThatThrownBy(() -> partners(Map.of("warden.partners.eu.environment", "staging")))
                .hasMessageContaining("warden.partners.eu.environment must be test or production");
    }

    @Test
    void aBaseUrlMustBeHttpsUnlessItsHostIsAllowed() {
        Map<String, String> plain = Map.of("warden.partners.eu.base-url", "http://127.0.0.1:8089/dsa/");

        assertThatThrownBy(() -> partners(plain)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("warden.partners.eu.base-url must use https");
        assertThat(partners(plain, new RecordingType(), Set.of("127.0.0.1")).find("eu").orElseThrow().adapter()
                .baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089/dsa"));
        assertThatThrownBy(() -> partners(Map.of("warden.partners.eu.base-url", "https://u:p@partner.example")))
                .hasMessageContaining("without credentials");
    }

    @Test
    void aKeyNobodyReadsFailsStartUpNamingIt() {
        assertThatThrownBy(() -> partners(Map.of("warden.partners.eu.environment", "production",
                "warden.partners.eu.username", "someone")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("[warden.partners.eu.username]");
        assertThatThrownBy(() -> partners(Map.of("warden.partners.eu.environment", "production",
                "warden.partners.eu.url", "https://desk.example")))
                .hasMessage("warden.partners.eu.url is not a setting of a reporting partner");
    }

    @Test
    void theReportingKeysAreDeclaredSoTheMappingAcceptsThem() {
        ReportingPartners partners = partners(Map.of("warden.partners.eu.environment", "production",
                "warden.partners.eu.rate-limit.per-minute", "120", "warden.partners.eu.confirm-after", "1s",
                "warden.partners.eu.max-confirm-cycles", "5", "warden.partners.eu.after-timeout-wait", "30s"));

        ReportingSettings settings = partners.find("eu").orElseThrow().settings();
        assertThat(settings.perMinute()).isEqualTo(120);
        assertThat(settings.confirmAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.maxConfirmCycles()).isEqualTo(5);
        assertThat(settings.afterTimeoutWait()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aTimeoutTheOutboxLeaseCannotCoverFailsStartUpInsteadOfStallingItsReports() {
        ReportingPartner eu = partners(Map.of("warden.partners.eu.environment", "production")).find("eu")
                .orElseThrow();

        ReportingPartners.checkLease(eu, Duration.ofSeconds(60));
        assertThatThrownBy(() -> ReportingPartners.checkLease(eu, Duration.ofSeconds(47)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.partners.eu.timeout (PT45S) must be at least PT2S shorter than"
                        + " warden.outbox.lease (PT47S): a call starts only while its delivery's lease covers it");
    }

    @Test
    void aTypeWithoutAnAdapterFailsStartUpListingTheKnownOnes() {
        assertThatThrownBy(() -> partners(Map.of("warden.partners.eu.type", "ncmec")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.partners.eu.type: no reporting partner type 'ncmec'; known: [recording]");
    }
}
