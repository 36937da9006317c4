package dev.warden.adapters.sightengine;

import java.util.Map;
import java.util.Set;

import dev.warden.spi.ClassifierAdapterType;
import dev.warden.testkit.ClassifierAdapterConformanceTest;
import dev.warden.testkit.VendorFixtures;

/** The kit with ML text; {@link SightengineRulesAdapterConformanceTest} runs it with rules text. */
class SightengineAdapterConformanceTest extends ClassifierAdapterConformanceTest {

    @Override
    protected ClassifierAdapterType adapterType() {
        return new SightengineAdapterType();
    }

    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        return Map.of(
                "base-url", vendorBaseUrl + "/1.0",
                "api-user", "1234567890",
                "api-secret", "se-conformance-secret-abcdefghij",
                "models", "nudity-2.1,weapon,recreational_drug,gore-2.0",
                "text-mode", "ml",
                "text-models", "general,self-harm",
                "lang", "en",
                "labels.nudity.very_suggestive", "sexual");
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        return Set.of(Behavior.TEXT, Behavior.IMAGE, Behavior.NETWORK, Behavior.ERRORS_IN_SUCCESS_BODY);
    }

    @Override
    protected VendorFixtures fixtures() {
        return new SightengineFixtures(TextMode.ML);
    }
}
