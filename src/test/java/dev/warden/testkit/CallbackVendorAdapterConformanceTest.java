package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.spi.ClassifierAdapterType;

/** The kit on the test vendor that answers by callback: what an adapter such as Hive's async one must pass. */
class CallbackVendorAdapterConformanceTest extends ClassifierAdapterConformanceTest {

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

    @Override
    protected void stubCleanAnswer(WireMockServer vendor) {
        vendor.stubFor(post(urlEqualTo("/task/async")).willReturn(okJson("{\"id\":\"task-1\"}")));
    }

    @Override
    protected String sampleCallback() {
        return "{\"id\":\"task-1\",\"status\":\"done\",\"scores\":{\"threat\":0.02}}";
    }
}
