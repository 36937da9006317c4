package dev.warden.adapters.localrules;

import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.spi.ClassifierAdapterType;
import dev.warden.testkit.ClassifierAdapterConformanceTest;

class LocalRulesAdapterConformanceTest extends ClassifierAdapterConformanceTest {

    @Override
    protected ClassifierAdapterType adapterType() {
        return new LocalRulesAdapterType();
    }

    /** One of every documented setting, so the kit can check each is read. */
    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        return Map.of(
                "default-list", "true",
                "categories.spam.terms", "cheap pills, miracle cure",
                "categories.spam.patterns", "\\bwin a free \\w+\\b",
                "categories.spam.score", "0.75",
                "max-parts", "16",
                "max-text-length", "20000");
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        return Set.of(Behavior.TEXT);
    }

    /** Classifies in process: there is no vendor to stub. */
    @Override
    protected void stubCleanAnswer(WireMockServer vendor) {
    }
}
