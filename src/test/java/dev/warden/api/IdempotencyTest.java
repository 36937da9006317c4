package dev.warden.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.client.ApiException;
import dev.warden.client.ApiResponse;
import dev.warden.client.model.ModerationResult;
import dev.warden.persistence.TestDatabase;
import dev.warden.spi.Category;
import dev.warden.testkit.OpenAiSimulator;
import dev.warden.testkit.ScriptedHttpAdapterType;
import dev.warden.testkit.TestClients;
import dev.warden.testkit.WardenApi;

@QuarkusTest
class IdempotencyTest {

    /** The single-flight policy's provider (the scripted-http test adapter), at a path of its own on the simulator. */
    private static final String SLOW_VENDOR = "/single-flight/v1/moderations";
    private static final String BODY = body("hello there");
    private static final String OTHER_BODY = body("something else");
    /** The SHA-256 of a request no test sends. */
    private static final String ANOTHER_REQUEST = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void answerFlagged() {
        OpenAiSimulator.reset();
        OpenAiSimulator.answer(OpenAiSimulator.fixture("flagged.json"));
        OpenAiSimulator.answer(SLOW_VENDOR, ScriptedHttpAdapterType.answer(Map.of(Category.THREAT, 0.9))
                .withFixedDelay(400));
    }

    @Test
    void theSameKeyReturnsTheStoredAnswerWithoutCallingVendorsAgain() throws Exception {
        String key = UUID.randomUUID().toString();

        ApiResponse<ModerationResult> first = WardenApi.moderations()
                .createModerationWithHttpInfo(WardenApi.text("hello there", "with-openai"), key);
        ApiResponse<ModerationResult> second = WardenApi.moderations()
                .createModerationWithHttpInfo(WardenApi.text("hello there", "with-openai"), key);

        assertThat(second.getData().getId()).isEqualTo(first.getData().getId());
        assertThat(second.getData().getDecision()).isEqualTo(first.getData().getDecision());
        assertThat(first.getHeaders().get("Idempotent-Replayed")).containsExactly("false");
        assertThat(second.getHeaders().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(OpenAiSimulator.calls()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        WardenApi.moderations().createModeration(WardenApi.text("hello there", "with-openai"), key);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> WardenApi.moderations()
                .createModeration(WardenApi.text("something else", "with-openai"), key));

        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.getResponseBody()).contains("idempotency-conflict").contains("Idempotency-Key");
        assertThat(OpenAiSimulator.calls()).isEqualTo(1);
    }

    @Test
    void keysBelongToOneClient() throws Exception {
        String key = UUID.randomUUID().toString();
        ModerationResult mine = WardenApi.moderations()
                .createModeration(WardenApi.text("hello there", "default"), key);

        ModerationResult theirs = WardenApi.moderations(TestClients.SECOND_MODERATOR_KEY)
                .createModeration(WardenApi.text("another text entirely", "default"), key);
        ApiException notTheirs = catchThrowableOfType(ApiException.class,
                () -> WardenApi.moderations(TestClients.SECOND_MODERATOR_KEY).getModeration(mine.getId()));

        assertThat(theirs.getId()).isNotEqualTo(mine.getId());
        assertThat(notTheirs.getCode()).isEqualTo(404);
    }

    @Test
    void concurrentRequestsWithOneKeyAllGetTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<UUID>> calls = IntStream.range(0, 6).<Callable<UUID>>mapToObj(i -> () -> WardenApi
                    .moderations().createModeration(WardenApi.text("hello there", "with-openai"), key).getId())
                    .toList();
            List<UUID> ids = pool.invokeAll(calls).stream().map(IdempotencyTest::get).toList();

            assertThat(ids).hasSize(6).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRequestsWithOneKeyCallTheVendorOnce() {
        String key = UUID.randomUUID().toString();

        List<HttpResponse<String>> answers = IntStream.range(0, 8).mapToObj(i -> send(BODY, key)).toList().stream()
                .map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answers).extracting(IdempotencyTest::id).hasSize(8).containsOnly(id(answers.get(0)));
        assertThat(answers).extracting(answer -> answer.headers().firstValue("Idempotent-Replayed").orElseThrow())
                .containsOnlyOnce("false").containsOnly("false", "true");
        assertThat(OpenAiSimulator.calls(SLOW_VENDOR)).isEqualTo(1);
    }

    @Test
    void anotherBodyWhileTheKeyIsClaimedIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        claim(key, ANOTHER_REQUEST, "now() + interval '1 minute'");

        HttpResponse<String> refused = send(OTHER_BODY, key).join();

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.body()).contains("idempotency-conflict");
        assertThat(OpenAiSimulator.calls(SLOW_VENDOR)).isZero();
    }

    @Test
    void aClaimLeftByADeadRequestIsTakenOverOnceExpired() throws Exception {
        String key = UUID.randomUUID().toString();
        claim(key, ANOTHER_REQUEST, "now() - interval '1 second'");

        HttpResponse<String> served = send(BODY, key).join();

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Idempotent-Replayed")).contains("false");
        assertThat(OpenAiSimulator.calls(SLOW_VENDOR)).isEqualTo(1);
        assertThat(WardenApi.moderations().getModeration(UUID.fromString(id(served))).getId().toString())
                .isEqualTo(id(served));
        assertThat(TestDatabase.queryOne(String.class, "select moderation_id::text from idempotency_claim "
                + "where idempotency_key = ? and resolved_at is not null", key)).isEqualTo(id(served));
    }

    @Test
    void aClaimHeldPastTheWaitIsA409WithRetryAfter() throws Exception {
        HttpResponse<String> first = send(BODY, UUID.randomUUID().toString()).join();
        String requestSha256 = TestDatabase.queryOne(String.class,
                "select request_sha256 from moderation where id = ?::uuid", id(first));
        String key = UUID.randomUUID().toString();
        claim(key, requestSha256, "now() + interval '1 minute'");

        HttpResponse<String> inFlight = send(BODY, key).join();

        assertThat(inFlight.statusCode()).isEqualTo(409);
        assertThat(inFlight.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(inFlight.body()).contains("https://warden.dev/problems/idempotency-in-flight");
        assertThat(Long.parseLong(inFlight.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(OpenAiSimulator.calls(SLOW_VENDOR)).isEqualTo(1);
    }

    @Test
    void requestsWithoutAKeyClaimNothing() throws Exception {
        HttpResponse<String> answered = send(BODY, null).join();

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(TestDatabase.queryOne(Long.class,
                "select count(*) from idempotency_claim where moderation_id = ?::uuid", id(answered))).isZero();
    }

    @Test
    void aMalformedKeyIsRefused() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> WardenApi.moderations()
                .createModeration(WardenApi.text("hello", "default"), "x".repeat(256)));

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseBody()).contains("Idempotency-Key");
    }

    /** A claim as a request holding the key would have left it, for a moderation that is not stored. */
    private static void claim(String key, String requestSha256, String expiresAt) throws Exception {
        TestDatabase.update("insert into idempotency_claim (client_name, idempotency_key, request_sha256, "
                + "moderation_id, claimed_at, expires_at) values ('test-moderator', ?, ?, gen_random_uuid(), now(), "
                + expiresAt + ")", key, requestSha256);
    }

    private static String body(String text) {
        return "{\"policy\":\"single-flight\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}";
    }

    private static CompletableFuture<HttpResponse<String>> send(String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ConfigProvider.getConfig()
                .getValue("test.url", String.class) + "/v1/moderations"))
                .header("Authorization", "Bearer " + TestClients.MODERATOR_KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> answer) {
        try {
            JsonNode json = JSON.readTree(answer.body());
            return json.path("id").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    private static UUID get(Future<UUID> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
