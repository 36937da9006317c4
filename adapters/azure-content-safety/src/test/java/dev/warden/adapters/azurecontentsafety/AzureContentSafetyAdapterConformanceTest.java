package dev.warden.adapters.azurecontentsafety;

import java.util.Map;
import java.util.Set;

import dev.warden.spi.ClassifierAdapterType;
import dev.warden.testkit.ClassifierAdapterConformanceTest;
import dev.warden.testkit.VendorFixtures;

class AzureContentSafetyAdapterConformanceTest extends ClassifierAdapterConformanceTest {

    @Override
    protected ClassifierAdapterType adapterType() {
        return new AzureContentSafetyAdapterType();
    }

    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        return Map.of(
                "base-url", vendorBaseUrl,
                "api-key", "azure-conformance-key-0123456789",
                "api-version", "2024-09-01",
                "output-type", "FourSeverityLevels",
                "categories", "Hate,SelfHarm,Sexual,Violence",
                "blocklist-names", "my-terms",
                "halt-on-blocklist-hit", "false",
                "blocklist-category", "profanity",
                "labels.Hate", "hate,harassment");
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        return Set.of(Behavior.TEXT, Behavior.IMAGE, Behavior.NETWORK, Behavior.FETCHES_IMAGE_BYTES);
    }

    @Override
    protected VendorFixtures fixtures() {
        return new AzureFixtures();
    }
}
