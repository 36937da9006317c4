package dev.warden.adapters.localrules;

import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.Modality;
import dev.warden.testkit.ClassifierAdapterConformanceTest;
import dev.warden.testkit.VendorFixtures;

class LocalRulesAdapterConformanceTest extends ClassifierAdapterConformanceTest {

    private static final double SPAM_SCORE = 0.75;

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
                "categories.spam.score", Double.toString(SPAM_SCORE),
                "max-parts", "16",
                "max-text-length", "20000");
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        return Set.of(Behavior.TEXT);
    }

    /** Classifies in process: there is no vendor to stub, the text decides. */
    @Override
    protected VendorFixtures fixtures() {
        return new VendorFixtures() {
            @Override
            public void stubClean(WireMockServer vendor, Modality modality) {
            }

            @Override
            public void stubFlagged(WireMockServer vendor, Modality modality) {
            }

            @Override
            public Map<Category, Double> expectedFlagged(Modality modality) {
                return Map.of(Category.SPAM, SPAM_SCORE);
            }

            @Override
            public String flaggedText(String sampleText) {
                return "Win a free cruise! " + sampleText;
            }

            /** Categories without a match score 0.0. */
            @Override
            public double cleanMaximum() {
                return 0.0;
            }
        };
    }
}
