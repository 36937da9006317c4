package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.spi.Category;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.Modality;

/** The kit on the test vendor that answers by callback: what an adapter such as Hive's async one must pass. */
class CallbackVendorAdapterConformanceTest extends ClassifierAdapterConformanceTest {

    private static final String JOB = "task-1";

    @Override
    protected ClassifierAdapterType adapterType() {
        return new CallbackVendorAdapterType();
    }

    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        return Map.of("base-url", vendorBaseUrl);
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        return Set.of(Behavior.TEXT, Behavior.NETWORK, Behavior.ANSWERS_BY_CALLBACK);
    }

    /** The test vendor takes no credentials. */
    @Override
    protected boolean hasBehavior(Behavior behavior) {
        return behavior != Behavior.CREDENTIALS_ON_WIRE && super.hasBehavior(behavior);
    }

    @Override
    protected VendorFixtures fixtures() {
        return new VendorFixtures() {
            @Override
            public void stubClean(WireMockServer vendor, Modality modality) {
                acceptJob(vendor);
            }

            @Override
            public void stubFlagged(WireMockServer vendor, Modality modality) {
                acceptJob(vendor);
            }

            @Override
            public Map<Category, Double> expectedFlagged(Modality modality) {
                return Map.of(Category.THREAT, 0.8, Category.HATE, 0.6);
            }

            @Override
            public String callbackBody(boolean flagged) {
                return CallbackVendorAdapterType.callback(JOB, flagged ? Map.of("threat", 0.8, "hate", 0.6, "spam", 0.01)
                        : Map.of("threat", 0.02));
            }
        };
    }

    private static void acceptJob(WireMockServer vendor) {
        vendor.stubFor(post(urlEqualTo("/task/async")).willReturn(okJson("{\"id\":\"" + JOB + "\"}")));
    }
}
