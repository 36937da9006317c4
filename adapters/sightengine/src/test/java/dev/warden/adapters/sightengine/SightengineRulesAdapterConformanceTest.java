package dev.warden.adapters.sightengine;

import java.util.HashMap;
import java.util.Map;

import dev.warden.testkit.VendorFixtures;

/** The kit with rules text and the rule-only settings, which ML mode refuses. */
class SightengineRulesAdapterConformanceTest extends SightengineAdapterConformanceTest {

    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        Map<String, String> settings = new HashMap<>(super.settings(vendorBaseUrl));
        settings.remove("text-models");
        settings.put("text-mode", "rules");
        settings.put("opt-countries", "us,gb");
        settings.put("text-list", "tli_abc123");
        return settings;
    }

    @Override
    protected VendorFixtures fixtures() {
        return new SightengineFixtures(TextMode.RULES);
    }
}
