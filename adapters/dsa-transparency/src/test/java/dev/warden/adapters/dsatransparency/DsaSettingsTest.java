package dev.warden.adapters.dsatransparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.warden.spi.InvalidSettingsException;
import dev.warden.spi.ProviderSettings;
import dev.warden.spi.reporting.Environment;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingContext;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.spi.reporting.RuleViolation;

/** The type's descriptor and settings; the partner is never called. */
class DsaSettingsTest {

    private static final URI BASE = URI.create("https://transparency.example");

    private record Built(DsaTransparencyAdapter adapter, ProviderSettings settings) {
    }

    private static Built build(Map<String, String> values) {
        ProviderSettings settings = new ProviderSettings("warden.partners.", "eu", values);
        DsaTransparencyAdapter adapter = (DsaTransparencyAdapter) new DsaTransparencyAdapterType().create(
                new ReportingContext("eu", settings, request -> {
                    throw new AssertionError("no call expected");
                }, Environment.PRODUCTION, BASE));
        return new Built(adapter, settings);
    }

    private static Map<String, String> with(String... keysAndValues) {
        Map<String, String> values = new HashMap<>(Map.of("token", DsaTestPartner.TOKEN));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void theDescriptorSaysWhatTheCoreNeeds() {
        ReportingDescriptor descriptor = new DsaTransparencyAdapterType().descriptor();

        assertThat(descriptor.id()).isEqualTo("dsa-transparency");
        assertThat(descriptor.format()).isEqualTo(ReportFormat.STATEMENT_OF_REASONS);
        assertThat(descriptor.maxBatch()).isEqualTo(100);
        assertThat(descriptor.environments()).containsExactly(
                Map.entry(Environment.PRODUCTION, URI.create("https://transparency.dsa.ec.europa.eu")));
        assertThat(descriptor.defaultGuardSettings()).containsExactlyInAnyOrderEntriesOf(Map.of("timeout", "30s",
                "rate-limit.per-minute", "1000", "after-timeout-wait", "30s"));
        assertThat(descriptor.ruleVersions()).containsExactly("2025-07-01");
    }

    @Test
    void theDefaultsAreTheBiggestBatchAndTheNewestRules() {
        Built built = build(with());

        assertThat(built.adapter().maxBatch()).isEqualTo(100);
        assertThat(built.adapter().rules().version()).isEqualTo("2025-07-01");
        assertThat(built.adapter().baseUrl()).isEqualTo(BASE);
        assertThat(built.adapter().format()).isEqualTo(ReportFormat.STATEMENT_OF_REASONS);
        assertThat(built.settings().unread()).isEmpty();
    }

    @Test
    void theTokenIsRequiredHeaderSafeAndNeverPrinted() {
        assertThatThrownBy(() -> build(Map.of())).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.partners.eu.token is required");
        assertThatThrownBy(() -> build(with("token", "7|abc def"))).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.partners.eu.token must not contain whitespace or control characters");
        assertThat(build(with()).adapter().toString()).doesNotContain(DsaTestPartner.TOKEN);
    }

    @Test
    void theBatchSizeIsOneToAHundred() {
        assertThat(build(with("batch.size", "25")).adapter().maxBatch()).isEqualTo(25);
        assertThatThrownBy(() -> build(with("batch.size", "101"))).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("warden.partners.eu.batch.size must be within 1..100");
        assertThatThrownBy(() -> build(with("batch.size", "0"))).hasMessageContaining("within 1..100");
    }

    @Test
    void anUnknownRulesVersionFailsStartUpListingTheShippedOnes() {
        assertThatThrownBy(() -> build(with("rules-version", "2024-01-01")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("warden.partners.eu.rules-version must be one of [2025-07-01]");
    }

    @Test
    void aRulesFileReplacesTheShippedRules(@TempDir Path dir) throws IOException {
        String shipped = new String(DsaSettingsTest.class.getResourceAsStream(
                "/dsa-transparency/rules/2025-07-01.json").readAllBytes());
        Path file = dir.resolve("rules.json");
        Files.writeString(file, shipped.replace("\"2025-07-01\"", "\"2026-01-15\"")
                .replace("\"STATEMENT_CATEGORY_VIOLENCE\"", "\"STATEMENT_CATEGORY_VIOLENCE\", \"STATEMENT_CATEGORY_NEW\""));
        DsaTransparencyAdapter adapter = build(with("rules-file", file.toString())).adapter();

        assertThat(adapter.rules().version()).isEqualTo("2026-01-15");
        assertThat(adapter.validate(DsaTestPartner.sample().put("category", "STATEMENT_CATEGORY_NEW"))).isEmpty();
        assertThat(build(with()).adapter().validate(DsaTestPartner.sample().put("category", "STATEMENT_CATEGORY_NEW")))
                .extracting(RuleViolation::pointer).containsExactly("/category");
    }

    @Test
    void aRulesFileForAnotherPartnerOrUnreadableFailsStartUp(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("ncmec.json");
        Files.writeString(other, "{\"partnerType\": \"ncmec\", \"version\": \"2026-07\"}");
        assertThatThrownBy(() -> build(with("rules-file", other.toString())))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("is for 'ncmec'");
        assertThatThrownBy(() -> build(with("rules-file", dir.resolve("missing.json").toString())))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("warden.partners.eu.rules-file: cannot read");
    }

    @Test
    void aMisspelledKeyIsLeftUnreadSoStartUpFails() {
        Built built = build(with("batch.sise", "10"));

        assertThat(built.settings().unread()).containsExactly("batch.sise");
    }

    @Test
    void everyKeyTheAdapterReadsIsDocumented() {
        Built built = build(with("batch.size", "10", "rules-version", "2025-07-01"));

        assertThat(built.settings().requested())
                .allSatisfy(key -> assertThat(DsaTransparencyAdapterType.SETTINGS.covers(key)).as(key).isTrue());
    }
}
