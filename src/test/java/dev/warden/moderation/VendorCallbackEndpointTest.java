package dev.warden.moderation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.WardenApi;

/**
 * Classifiers that answer later through Warden's real front door: the test vendor's callback is posted to the URL
 * its job was given, at {@code POST /v1/webhooks/callback-vendor} (no API key, the token is the credential); the
 * inbox stores it before the {@code 2xx} and the worker applies it.
 */
@QuarkusTest
class VendorCallbackEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void vendorAcceptsTasks() {
        VendorSimulation.acceptTasks();
    }

    @Test
    void theVendorsCallbackIsStoredAnsweredAndAppliedOnce() throws Exception {
        VendorSimulation.Submitted submitted = VendorSimulation.submitted("answers-later");
        UUID id = submitted.moderation();
        URI callbackUrl = submitted.callbackUrl();
        String body = VendorSimulation.done(0.91);

        assertThat(post(callbackUrl, body).statusCode()).isEqualTo(202);
        assertThat(post(callbackUrl, body).statusCode()).as("the vendor sends it again").isEqualTo(200);

        ModerationResult completed = VendorSimulation.awaitCompleted(id);
        assertThat(completed.getDecision().getValue()).isEqualTo("block");
        assertThat(WardenApi.outcome(completed, VendorSimulation.PROVIDER).getScores()).containsEntry("threat", 0.91);
        await().atMost(WAIT).until(() -> "processed".equals(eventStatus(callbackUrl)));
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from webhook_event where partner = ? and"
                + " event_id = ?", VendorSimulation.PROVIDER, job(callbackUrl))).isEqualTo(1);
    }

    @Test
    void aWrongTokenIsRefused401AndNothingIsStored() throws Exception {
        VendorSimulation.Submitted waiting = VendorSimulation.waitingForTheVendor();
        UUID id = waiting.moderation();
        URI callbackUrl = waiting.callbackUrl();
        String token = VendorSimulation.query(callbackUrl).get("token");
        URI forged = URI.create(callbackUrl.toString().replace(token, (token.charAt(0) == 'A' ? "B" : "A")
                + token.substring(1)));
        URI withoutToken = URI.create(callbackUrl.toString().replace("&token=" + token, ""));

        Response wrong = post(forged, VendorSimulation.done(0.91));
        Response missing = post(withoutToken, VendorSimulation.done(0.91));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.body().asString()).doesNotContain(token);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from webhook_event where event_id = ?",
                job(callbackUrl))).isZero();
        assertThat(WardenApi.moderations().getModeration(id).getStatus())
                .isEqualTo(ModerationResult.StatusEnum.PENDING);
    }

    @Test
    void aCallbackAfterTheDeadlineIsStoredRefusedAndShownAsALateAnswer() throws Exception {
        VendorSimulation.Submitted submitted = VendorSimulation.submitted("answers-later-briefly");
        UUID id = submitted.moderation();
        URI callbackUrl = submitted.callbackUrl();
        ModerationResult decided = VendorSimulation.awaitCompleted(id);

        assertThat(post(callbackUrl, VendorSimulation.done(0.97)).statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> "refused".equals(eventStatus(callbackUrl)));
        assertThat(TestDatabase.queryOne(String.class, "select reason from webhook_event where event_id = ?",
                job(callbackUrl))).startsWith("arrived after the deadline");
        ModerationResult after = WardenApi.moderations().getModeration(id);
        assertThat(after.getDecision()).isEqualTo(decided.getDecision());
        assertThat(WardenApi.outcome(after, VendorSimulation.PROVIDER).getLateAnswer().getScores())
                .containsEntry("threat", 0.97);
    }

    @Test
    void anUnreadableCallbackFailsItsEventAndTheDeadlineStillCompletesTheModeration() throws Exception {
        VendorSimulation.Submitted submitted = VendorSimulation.submitted("answers-later-briefly");
        UUID id = submitted.moderation();
        URI callbackUrl = submitted.callbackUrl();

        assertThat(post(callbackUrl, "{\"id\":\"" + VendorSimulation.TASK_ID + "\",\"status\":\"mystery\"}")
                .statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> "failed".equals(eventStatus(callbackUrl)));
        ModerationResult completed = VendorSimulation.awaitCompleted(id);
        assertThat(WardenApi.outcome(completed, VendorSimulation.PROVIDER).getOutcome())
                .isEqualTo(ProviderOutcome.OutcomeEnum.TIMEOUT);
    }

    private static Response post(URI callbackUrl, String body) {
        return given().urlEncodingEnabled(false).contentType("application/json").body(body)
                .post(callbackUrl.getRawPath() + "?" + callbackUrl.getRawQuery());
    }

    private static String job(URI callbackUrl) {
        return VendorSimulation.query(callbackUrl).get("job");
    }

    private static String eventStatus(URI callbackUrl) throws Exception {
        return TestDatabase.queryOne(String.class, "select status from webhook_event where partner = ? and"
                + " event_id = ?", VendorSimulation.PROVIDER, job(callbackUrl));
    }
}
