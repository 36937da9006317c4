package dev.warden.adapters.ncmec;

import static dev.warden.adapters.ncmec.NcmecFixtures.cybertip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.reporting.Environment;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.testkit.NcmecSimulator;

class NcmecSettingsTest {

    private static final VendorHttp NO_CALLS = request -> {
        throw new AssertionError("no call expected");
    };

    @Test
    void theDescriptorNamesBothEnvironmentsAndOneReportPerCall() {
        ReportingDescriptor descriptor = new NcmecAdapterType().descriptor();

        assertThat(descriptor.id()).isEqualTo("ncmec");
        assertThat(descriptor.vendor()).isEqualTo("NCMEC CyberTipline");
        assertThat(descriptor.format()).isEqualTo(ReportFormat.CYBERTIP);
        assertThat(descriptor.environments()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Environment.TEST, URI.create("https://exttest.cybertip.org/ispws"),
                Environment.PRODUCTION, URI.create("https://report.cybertip.org/ispws")));
        assertThat(descriptor.maxBatch()).isEqualTo(1);
        assertThat(descriptor.ruleVersions()).containsExactly("2026-07");
    }

    @Test
    void usernameAndPasswordAreRequired() {
        assertThat(invalid(Map.of("password", "pwd"))).hasMessage("warden.partners.cybertip.username is required");
        assertThat(invalid(Map.of("username", "usr"))).hasMessage("warden.partners.cybertip.password is required");
    }

    @Test
    void aUsernameThatBreaksBasicCredentialsIsRefusedWithoutRepeatingIt() {
        assertThat(invalid(Map.of("username", "esp:one", "password", "pwd")))
                .hasMessageContaining("warden.partners.cybertip.username").hasMessageNotContaining("esp:one");
        assertThat(invalid(Map.of("username", "esp one", "password", "pwd")))
                .hasMessageContaining("warden.partners.cybertip.username").hasMessageNotContaining("esp one");
    }

    @Test
    void nothingPrintsTheCredentials() {
        Map<String, String> values = NcmecFixtures.settings();
        values.put("password", "s3cret-password");
        NcmecSettings settings = NcmecSettings.read(settings(values));

        assertThat(settings.toString()).doesNotContain("s3cret-password").doesNotContain(NcmecSimulator.USERNAME
                + ",");
        assertThat(NcmecFixtures.adapter(values, NO_CALLS, NcmecAdapterType.TEST_URL).toString())
                .doesNotContain("s3cret-password");
    }

    @Test
    void reporterDefaultsAreCheckedByName() {
        Map<String, String> values = NcmecFixtures.settings();
        values.put("reporter.phone", "+1 555 0100");
        assertThat(invalid(values)).hasMessageContaining("warden.partners.cybertip.reporter.phone")
                .hasMessageContaining("first-name");

        values.remove("reporter.phone");
        values.put("reporter.email", "safety");
        assertThat(invalid(values)).hasMessage("warden.partners.cybertip.reporter.email must be an e-mail address");
    }

    @Test
    void everyAdapterKeyIsReadSoNoneFailsStartUpAsUnknown() {
        Map<String, String> values = NcmecFixtures.settings();
        values.putAll(Map.of("reporter.email", "safety@platform.example", "reporter.first-name", "Trust",
                "reporter.last-name", "Safety", "reporter.company", "Example", "reporter.terms-of-service",
                "https://platform.example/terms", "reporter.legal-url", "https://platform.example/legal",
                "esp-service", "Example Stream", "rules-version", "2026-07"));
        ReportingContext context = NcmecFixtures.context(values, NO_CALLS, NcmecAdapterType.TEST_URL);

        new NcmecAdapterType().create(context);

        assertThat(context.settings().unread()).isEmpty();
    }

    @Test
    void anUnknownRuleVersionFailsStartUpListingTheShippedOnes() {
        Map<String, String> values = NcmecFixtures.settings();
        values.put("rules-version", "2019-01");

        assertThat(catchThrowableOfType(InvalidSettingsException.class, () -> NcmecFixtures.adapter(values, NO_CALLS,
                NcmecAdapterType.TEST_URL))).hasMessageContaining("warden.partners.cybertip.rules-version")
                .hasMessageContaining("2026-07");
    }

    @Test
    void aRulesFileAddsAValueWithoutARelease(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ncmec-2027.json");
        Files.writeString(file, shippedRules().replace("\"Child Sex Tourism\",",
                "\"Child Sex Tourism\", \"Sextortion of a Minor\",").replace("\"2026-07\"", "\"2027-01\""));
        Map<String, String> values = NcmecFixtures.settings();
        values.put("rules-file", file.toString());
        ObjectNode content = cybertip();
        ((ObjectNode) content.get("incident")).put("type", "Sextortion of a Minor");

        NcmecAdapter replaced = NcmecFixtures.adapter(values, NO_CALLS, NcmecAdapterType.TEST_URL);

        assertThat(replaced.rules().version()).isEqualTo("2027-01");
        assertThat(replaced.validate(content)).isEmpty();
        assertThat(NcmecFixtures.adapter().validate(content)).isNotEmpty();
    }

    @Test
    void aRulesFileWithoutAnEnumerationTheChecksUseFailsStartUp(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ncmec-broken.json");
        Files.writeString(file, shippedRules().replace("\"fileRelevance\"", "\"fileRelevancy\""));
        Map<String, String> values = NcmecFixtures.settings();
        values.put("rules-file", file.toString());

        assertThat(catchThrowableOfType(InvalidSettingsException.class, () -> NcmecFixtures.adapter(values, NO_CALLS,
                NcmecAdapterType.TEST_URL))).hasMessageContaining("warden.partners.cybertip.rules-file")
                .hasMessageContaining("fileRelevance");
    }

    private static String shippedRules() throws IOException {
        try (InputStream in = NcmecSettingsTest.class.getResourceAsStream("/ncmec/rules/2026-07.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ProviderSettings settings(Map<String, String> values) {
        return new ProviderSettings("warden.partners.", NcmecFixtures.PARTNER, values);
    }

    private static InvalidSettingsException invalid(Map<String, String> values) {
        InvalidSettingsException failure = catchThrowableOfType(InvalidSettingsException.class,
                () -> NcmecSettings.read(settings(values)));
        assertThat(failure).as("an InvalidSettingsException").isNotNull();
        return failure;
    }
}
