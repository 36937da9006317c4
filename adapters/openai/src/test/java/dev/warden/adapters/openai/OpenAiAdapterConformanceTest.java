package dev.warden.adapters.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.spi.ClassifierAdapterType;
import dev.warden.testkit.ClassifierAdapterConformanceTest;

class OpenAiAdapterConformanceTest extends ClassifierAdapterConformanceTest {

    @Override
    protected ClassifierAdapterType adapterType() {
        return new OpenAiAdapterType();
    }

    @Override
    protected Map<String, String> settings(String vendorBaseUrl) {
        return Map.of(
                "base-url", vendorBaseUrl + "/v1",
                "api-key", "sk-test-conformance",
                "model", "omni-moderation-latest",
                "organization", "org-warden",
                "project", "proj_warden");
    }

    @Override
    protected Set<Behavior> supportedBehaviors() {
        return Set.of(Behavior.TEXT, Behavior.IMAGE, Behavior.NETWORK);
    }

    @Override
    protected void stubCleanAnswer(WireMockServer vendor) {
        vendor.stubFor(post(urlEqualTo(OpenAiFixtures.MODERATIONS_PATH))
                .willReturn(OpenAiFixtures.answer(200, "clean.json")));
    }
}
