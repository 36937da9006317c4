package dev.warden.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.warden.client.model.ModerationResult;
import dev.warden.testkit.TestClients;

/** Many moderation requests at once, sent asynchronously so they really are concurrent. */
final class ConcurrentCalls {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static List<ModerationResult> moderate(int count, String policy) {
        return moderate(count, policy, "hello there");
    }

    static List<ModerationResult> moderate(int count, String policy, String text) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class) + "/v1/moderations");
        String body = "{\"policy\":\"" + policy + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}";
        List<CompletableFuture<ModerationResult>> calls = IntStream.range(0, count)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + TestClients.MODERATOR_KEY)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()).thenApply(ConcurrentCalls::parse))
                .toList();
        return calls.stream().map(CompletableFuture::join).toList();
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
