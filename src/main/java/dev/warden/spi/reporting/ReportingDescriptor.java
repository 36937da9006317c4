package dev.warden.spi.reporting;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.warden.spi.SettingsSpec;

/**
 * What a reporting partner type declares about itself, like {@code AdapterDescriptor} for classifiers.
 *
 * @param vendor               the partner's name as messages say it, e.g. {@code NCMEC CyberTipline}
 * @param settings             the adapter's own settings (the README table comes from them); the core's keys
 *                             ({@code type}, {@code enabled}, {@code environment}, {@code base-url}, the guard,
 *                             pacing and batching keys) are not listed here
 * @param defaultGuardSettings defaults for the core's keys this type changes, e.g. {@code timeout=30s}
 * @param environments         the partner's base URL per environment; an environment missing here needs
 *                             {@code base-url}
 * @param ruleVersions         the rule sets the adapter ships, oldest first; the newest is the default
 * @param maxBatch             reports one call may carry (1 for a partner without batches)
 */
public record ReportingDescriptor(String id, String vendor, ReportFormat format, SettingsSpec settings,
        Map<String, String> defaultGuardSettings, Map<Environment, URI> environments, List<String> ruleVersions,
        int maxBatch) {

    public ReportingDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(settings, "settings");
        defaultGuardSettings = Map.copyOf(defaultGuardSettings);
        environments = Map.copyOf(environments);
        ruleVersions = List.copyOf(ruleVersions);
        if (ruleVersions.isEmpty()) {
            throw new IllegalArgumentException(id + " ships no rule set");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException(id + ": maxBatch must be at least 1");
        }
    }

    public String newestRules() {
        return ruleVersions.get(ruleVersions.size() - 1);
    }
}
