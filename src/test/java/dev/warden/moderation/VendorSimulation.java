package dev.warden.moderation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.client.model.ModerationRequest;
import dev.warden.client.model.ModerationResult;
import dev.warden.client.model.ProviderOutcome;
import dev.warden.spi.InboundWebhook;
import dev.warden.testkit.CallbackVendorAdapterType;
import dev.warden.testkit.OpenAiSimulatorResource;
import dev.warden.testkit.WardenApi;

/**
 * The vendor of the {@code callback-vendor} provider, on the WireMock simulator: it accepts every task as
 * {@link #TASK_ID} and keeps what it was sent, so a test can read the callback URL a task was given and answer it as
 * the vendor would; and the async moderations that use it, as a caller sees them.
 */
final class VendorSimulation {

    static final String PROVIDER = CallbackVendorAdapterType.ID;
    static final String TASK_ID = "vendor-task-42";
    private static final String SUBMIT = "/callback-vendor/task/async";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private VendorSimulation() {
    }

    static WireMockServer server() {
        return OpenAiSimulatorResource.server();
    }

    static void acceptTasks() {
        server().stubFor(post(urlEqualTo(SUBMIT)).willReturn(okJson("{\"id\":\"" + TASK_ID + "\"}")));
    }

    /** The vendor refuses tasks whose text contains {@code marker}, with a 503. */
    static void refuseTasksContaining(String marker) {
        server().stubFor(post(urlEqualTo(SUBMIT)).atPriority(1).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(503)));
    }

    /** The callback URL of the task submitted for {@code text}, if the vendor received one. */
    static Optional<URI> callbackUrlFor(String text) {
        return server().findAll(postRequestedFor(urlEqualTo(SUBMIT))).stream()
                .map(request -> tree(request.getBodyAsString()))
                .filter(task -> text.equals(task.path("text").asText()))
                .map(task -> URI.create(task.path("callback_url").asText()))
                .findFirst();
    }

    static int tasksFor(String text) {
        return (int) server().findAll(postRequestedFor(urlEqualTo(SUBMIT))).stream()
                .filter(request -> text.equals(tree(request.getBodyAsString()).path("text").asText())).count();
    }

    /** The vendor's callback as the inbound endpoint would hand it to the verifier. */
    static InboundWebhook callback(URI url, String body) {
        return callback(PROVIDER, query(url), body);
    }

    static InboundWebhook callback(String partner, Map<String, String> query, String body) {
        return new InboundWebhook(partner, Map.of("content-type", "application/json"), query,
                body.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> query(URI url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return query;
    }

    static String done(double threat) {
        return "{\"id\":\"" + TASK_ID + "\",\"status\":\"done\",\"scores\":{\"threat\":" + threat + ",\"nsfw\":0.01}}";
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the simulator received no JSON: " + body, e);
        }
    }

    /** An async moderation whose vendor received its task, with {@code callbackUrl}. */
    record Submitted(UUID moderation, URI callbackUrl) {
    }

    /** A moderation of new text with {@code policy}, once the vendor received its task. */
    static Submitted submitted(String policy) throws Exception {
        String text = "a kind word " + UUID.randomUUID();
        UUID id = acceptAsync(text, policy);
        return new Submitted(id, awaitTask(text));
    }

    /** A moderation with policy {@code answers-later}, once its job left it waiting for the vendor's callback. */
    static Submitted waitingForTheVendor() throws Exception {
        Submitted submitted = submitted("answers-later");
        awaitOutcome(submitted.moderation(), ProviderOutcome.OutcomeEnum.PENDING);
        return submitted;
    }

    /** Accepted async with {@code policy}, with no callback for the caller. */
    static UUID acceptAsync(String text, String policy) throws Exception {
        return WardenApi.moderations().createModeration(WardenApi.text(text, policy)
                .mode(ModerationRequest.ModeEnum.ASYNC), null).getId();
    }

    /** The callback URL of the task the moderation of {@code text} submitted, once the vendor received it. */
    static URI awaitTask(String text) {
        return await().atMost(WAIT).until(() -> callbackUrlFor(text), Optional::isPresent)
                .orElseThrow();
    }

    static ModerationResult awaitOutcome(UUID id, ProviderOutcome.OutcomeEnum outcome) {
        return await().atMost(WAIT).until(() -> WardenApi.moderations().getModeration(id),
                result -> WardenApi.outcome(result, PROVIDER).getOutcome() == outcome);
    }

    static ModerationResult awaitCompleted(UUID id) {
        return await().atMost(WAIT).until(() -> WardenApi.moderations().getModeration(id),
                result -> result.getStatus() == ModerationResult.StatusEnum.COMPLETED);
    }
}
