package dev.warden.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Canned AWS answers from {@code src/test/resources/aws/}. */
final class AwsFixtures {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private AwsFixtures() {
    }

    static String text(String name) {
        try (InputStream in = AwsFixtures.class.getResourceAsStream("/aws/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /aws/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An AWS JSON answer with this status and body. */
    static ResponseDefinitionBuilder answer(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE).withBody(body);
    }

    static ResponseDefinitionBuilder fixture(int status, String name) {
        return answer(status, text(name));
    }
}
