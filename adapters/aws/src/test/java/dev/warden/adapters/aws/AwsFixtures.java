package dev.warden.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.warden.testkit.KitFixtures;

/** Canned AWS answers from {@code src/test/resources/aws/}. */
final class AwsFixtures {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private AwsFixtures() {
    }

    static String text(String name) {
        return KitFixtures.body("/aws/" + name);
    }

    /** An AWS JSON answer with this status and body. */
    static ResponseDefinitionBuilder answer(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE).withBody(body);
    }

    static ResponseDefinitionBuilder fixture(int status, String name) {
        return answer(status, text(name));
    }
}
