package dev.warden.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.ApiResponse;
import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

/**
 * The whole chain as a caller sees it: an async request with a callbackUrl is answered 202, its job runs on Warden's
 * own worker, and the receiver gets one {@code moderation.completed} event, signed so that a verifier written from
 * the spec accepts it with the client's secret, whose {@code data} is exactly what GET answers.
 */
@QuarkusTest
class AsyncCallbackTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** test-moderator's callback-secret: the Standard Webhooks test vector's. */
    private static final String SECRET = "whsec_Z2F0ZXdheS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm";
    private static final ObjectMapper JSON = new ObjectMapper();

    static WireMockServer receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hooks/warden")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @Test
    void theCallerIsCalledBackOnceWithASignedEventCarryingTheResultGetAnswers() throws Exception {
        ModerationRequest request = WardenApi.text("you idiot", "default")
                .mode(ModerationRequest.ModeEnum.ASYNC)
                .callbackUrl("http://127.0.0.1:" + receiver.port() + "/hooks/warden");

        ApiResponse<ModerationResult> accepted = WardenApi.moderations().createModerationWithHttpInfo(request, null);
        UUID id = accepted.getData().getId();

        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(accepted.getHeaders().get("location")).containsExactly("/v1/moderations/" + id);
        await().atMost(WAIT).until(() -> "delivered".equals(TestDatabase.queryOne(String.class,
                "select status from outbox where kind = 'callback' and subject_id = ?", id)));
        receiver.verify(1, postRequestedFor(urlEqualTo("/hooks/warden")));

        LoggedRequest callback = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/warden"))).get(0);
        String messageId = callback.getHeader("webhook-id");
        assertThat(SpecVerifier.verifies(SECRET, messageId, callback.getHeader("webhook-timestamp"),
                callback.getBody(), callback.getHeader("webhook-signature"), Instant.now())).isTrue();
        assertThat(messageId).isEqualTo("msg_" + TestDatabase.queryOne(UUID.class,
                "select id from outbox where kind = 'callback' and subject_id = ?", id));
        JsonNode event = JSON.readTree(callback.getBody());
        assertThat(event.get("type").asText()).isEqualTo("moderation.completed");
        assertThat(event.get("data").get("status").asText()).isEqualTo("completed");
        assertThat(event.get("data").get("decision").asText()).isNotEqualTo("allow");
        assertThat(WardenApi.client(TestClients.MODERATOR_KEY).getObjectMapper()
                .treeToValue(event.get("data"), ModerationResult.class))
                .isEqualTo(WardenApi.moderations().getModeration(id));
    }
}
