package dev.warden.testkit.reporting;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.warden.spi.reporting.RuleSet;

/** The empty rule set of the scripted reporting types: they accept every report. */
final class ScriptedRules {

    static final String VERSION = "1";

    private ScriptedRules() {
    }

    static RuleSet of(String type) {
        String json = "{\"partnerType\": \"" + type + "\", \"version\": \"" + VERSION + "\"}";
        return RuleSet.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type + " rules");
    }
}
