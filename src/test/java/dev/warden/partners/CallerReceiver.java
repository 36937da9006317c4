package dev.warden.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.warden.testkit.ReviewDeskResource;

/**
 * The caller's callback receiver in review tests: a path of its own on the desk's WireMock (127.0.0.1, which
 * test-moderator's callback-hosts list), always answering 204.
 */
final class CallerReceiver {

    static final String PATH = "/caller/hooks";
    /** test-moderator's callback-secret. */
    static final String SECRET = "whsec_Z2F0ZXdheS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm";

    private CallerReceiver() {
    }

    static String url() {
        ReviewDeskResource.server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        return "http://127.0.0.1:" + ReviewDeskResource.server().port() + PATH;
    }

    /** The callbacks about one moderation. */
    static List<LoggedRequest> callbacks(UUID moderationId) {
        return ReviewDeskResource.server().findAll(postRequestedFor(urlEqualTo(PATH))).stream()
                .filter(request -> request.getBodyAsString().contains(moderationId.toString())).toList();
    }
}
