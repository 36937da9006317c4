package dev.warden.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.warden.client.model.ModerationContext;
import dev.warden.client.model.ModerationRequest;
import dev.warden.testkit.ReviewDeskResource;
import dev.warden.testkit.WardenApi;

/**
 * The test desk ({@code test-desk} at the WireMock {@link ReviewDeskResource}) as one test sees it: the requests for
 * the moderations it made, told apart by a token of its own in their context ({@code contentId}), so tests sharing
 * the desk never see each other's requests.
 */
final class Desk {

    static final String ID = "test-desk";
    static final String PATH = "/desk/requests";
    /** What Warden signs its requests to test-desk with (warden.partners.test-desk.signing-secret). */
    static final String SIGNING_SECRET = "whsec_d2FyZGVuLXRvLWRlc2stc2lnbmluZy1zZWNyZXQtMDAwMQ==";
    /** The desk's webhook secrets, in configured order (a rotation in progress). */
    static final String WEBHOOK_SECRET = "whsec_cmV2aWV3LWRlc2stdGVzdC1zZWNyZXQtb25lLTAxMjM0NTY=";
    static final String NEXT_WEBHOOK_SECRET = "whsec_cmV2aWV3LWRlc2stdGVzdC1zZWNyZXQtdHdvLTY1NDMyMTA=";
    static final String REVIEWED = "reviewed";
    static final String REVIEWED_STRICT = "reviewed-strict";
    /** harassment 0.8 with local-rules: review under `reviewed`, block under `reviewed-strict`. */
    static final String INSULT = "you idiot";

    final String token = "desk-test-" + UUID.randomUUID();

    /** A text moderation request under the policy, carrying this test's token. */
    ModerationRequest request(String text, String policy) {
        return WardenApi.text(text, policy).context(new ModerationContext().contentId(token).surface("comments"));
    }

    /** The desk answers this test's requests so, in order: the last answer repeats. */
    void answers(ResponseDefinitionBuilder... answers) {
        String scenario = token;
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder stub = post(urlEqualTo(PATH)).withRequestBody(containing(token)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED
                            : "answer-" + i)
                    .willReturn(answers[i]);
            if (i < answers.length - 1) {
                stub = stub.willSetStateTo("answer-" + (i + 1));
            }
            ReviewDeskResource.server().stubFor(stub);
        }
    }

    List<LoggedRequest> requests() {
        return ReviewDeskResource.server().findAll(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(containing(token)));
    }
}
