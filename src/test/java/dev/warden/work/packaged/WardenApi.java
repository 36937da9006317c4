package dev.warden.work.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.embedded.PackagedWarden;
import dev.warden.testkit.HttpExchanges;
import dev.warden.testkit.RetryLater;

/**
 * The calls these tests make to a Warden process, over plain HTTP and JSON: async moderations, their state, and the
 * outbox's admin view.
 */
final class WardenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration RETRIES_FOR = Duration.ofMinutes(1);

    private final PackagedWarden warden;
    private final String apiKey;

    WardenApi(PackagedWarden warden, String apiKey) {
        this.warden = warden;
        this.apiKey = apiKey;
    }

    /**
     * {@code POST /v1/moderations} in async mode; asserts 202 with a Location and answers the moderation's id. A 503
     * (the database did not answer in time: the machine is loaded) is retried with the same Idempotency-Key, as the
     * answer tells callers to, so the moderation is stored once; so is a 409 saying the first try is still in flight
     * (the 503 came while its claim was held).
     */
    String submitAsync(String policy, String text, String callbackUrl) {
        ObjectNode body = JSON.createObjectNode().put("policy", policy).put("mode", "async")
                .put("callbackUrl", callbackUrl);
        body.putArray("content").addObject().put("type", "text").put("text", text);
        HttpRequest.Builder request = request("/v1/moderations").header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        AtomicReference<HttpResponse<String>> answered = new AtomicReference<>();
        AtomicInteger sent = new AtomicInteger();
        await().atMost(RETRIES_FOR).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    sent.incrementAndGet();
                    answered.set(send(request));
                    return !RetryLater.isAnswer(answered.get());
                });
        HttpResponse<String> response = answered.get();
        String id = read(response).path("id").asText();
        if (sent.get() > 1 && response.statusCode() == 200) {
            // A retry whose first try was stored after all (answered 409 in flight, or 503 after its commit): the
            // key's moderation, as it is now. Still one moderation per key.
            return id;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/moderations/" + id);
        return id;
    }

    /** {@code POST /v1/moderations}, sync; asserts 200 and answers the moderation. */
    JsonNode submit(String policy, String text) {
        ObjectNode body = JSON.createObjectNode().put("policy", policy);
        body.putArray("content").addObject().put("type", "text").put("text", text);
        HttpResponse<String> response = send(request("/v1/moderations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    /** {@code POST /v1/webhooks/{partner}} as a partner sends it: no API key, the given headers; the status. */
    int deliverWebhook(String partner, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(warden.baseUrl() + "/v1/webhooks/" + partner))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request).statusCode();
    }

    /** {@code GET /v1/moderations/{id}}. */
    JsonNode moderation(String id) {
        return get("/v1/moderations/" + id);
    }

    /** {@code GET /v1/deliveries?status=...}: the first page of outbox rows with that status. */
    List<JsonNode> deliveries(String status) {
        JsonNode page = get("/v1/deliveries?status=" + status);
        JsonNode rows = page.path("deliveries");
        assertThat(rows.isArray()).as("a page of deliveries: %s", page).isTrue();
        return StreamSupport.stream(rows.spliterator(), false).toList();
    }

    /** {@code GET /v1/deliveries/{id}}: one row with every attempt. */
    JsonNode delivery(String id) {
        return get("/v1/deliveries/" + id);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = send(request(path).GET());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return read(response);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(warden.baseUrl() + path)).header("Authorization",
                "Bearer " + apiKey);
    }

    /** Sends on the shared client; an I/O failure fails the test. */
    static HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpExchanges.send(HTTP, request.build());
    }

    static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
