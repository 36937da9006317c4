package dev.warden.testkit.reporting;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.warden.spi.SettingsSpec;
import dev.warden.spi.reporting.Environment;
import dev.warden.spi.reporting.ReportFormat;
import dev.warden.spi.reporting.ReportingDescriptor;
import dev.warden.spi.reporting.RuleSet;

/**
 * What the scripted reporting types share: an empty rule set (they accept every report) and a descriptor with a test
 * environment of their own, so they need no {@code base-url}, and no breaker (one test's failures must not pause the
 * next).
 */
final class ScriptedRules {

    static final String VERSION = "1";

    private ScriptedRules() {
    }

    static ReportingDescriptor descriptor(String type, ReportFormat format, int maxBatch) {
        return new ReportingDescriptor(type, "Scripted " + type, format, SettingsSpec.builder().build(),
                Map.of("circuit-breaker.enabled", "false"),
                Map.of(Environment.TEST, URI.create("https://" + type + ".invalid")), List.of(VERSION), maxBatch);
    }

    static RuleSet of(String type) {
        String json = "{\"partnerType\": \"" + type + "\", \"version\": \"" + VERSION + "\"}";
        return RuleSet.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type + " rules");
    }
}
