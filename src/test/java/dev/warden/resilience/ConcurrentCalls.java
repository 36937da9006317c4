package dev.warden.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.warden.client.model.ModerationResult;
import dev.warden.testkit.RetryLater;
import dev.warden.testkit.TestClients;

/**
 * Many moderation requests at once, sent asynchronously so they really are concurrent. Each carries an
 * Idempotency-Key; a {@code 503} (the database did not answer within its bound: a loaded machine) or a {@code 409}
 * saying that key is still in flight is retried after a pause with the same key, as the answer tells callers to:
 * these tests are about the vendor's side, and the database's bounded waits have tests of their own.
 */
final class ConcurrentCalls {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int MAX_TRIES = 10;
    private static final Duration PAUSE = Duration.ofMillis(250);

    static List<ModerationResult> moderate(int count, String policy) {
        return moderate(count, policy, "hello there");
    }

    static List<ModerationResult> moderate(int count, String policy, String text) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class) + "/v1/moderations");
        String body = "{\"policy\":\"" + policy + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}";
        List<CompletableFuture<ModerationResult>> calls = IntStream.range(0, count)
                .mapToObj(i -> send(client, HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + TestClients.MODERATOR_KEY)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 1))
                .toList();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static CompletableFuture<ModerationResult> send(HttpClient client, HttpRequest request, int attempt) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (attempt < MAX_TRIES && RetryLater.isAnswer(response)) {
                Executor later = CompletableFuture.delayedExecutor(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
                return CompletableFuture.supplyAsync(() -> request, later)
                        .thenCompose(again -> send(client, again, attempt + 1));
            }
            return CompletableFuture.completedFuture(parse(response));
        });
    }

    private static ModerationResult parse(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readValue(response.body(), ModerationResult.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private ConcurrentCalls() {
    }
}
