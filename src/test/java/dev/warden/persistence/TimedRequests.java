package dev.warden.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warden.testkit.ManagementPort;
import dev.warden.testkit.TestClients;

/**
 * Requests to the test application that measure how long the answer took. The client gives up after 20 s, so a
 * request that would hang on a stalled or locked database fails the test instead of hanging it.
 */
final class TimedRequests {

    /** The policy deadline (2 s) plus warden.database.timeout (2 s), plus a generous margin for a loaded machine. */
    static final Duration BOUND = Duration.ofSeconds(6);
    static final String BODY = "{\"content\":[{\"type\":\"text\",\"text\":\"I will hurt you\"}]}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration GIVE_UP = Duration.ofSeconds(20);

    record Timed(HttpResponse<String> response, Duration took) {

        String id() {
            try {
                return JSON.readTree(response.body()).path("id").asText();
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }
    }

    static Timed moderate(String idempotencyKey) {
        HttpRequest.Builder request = request("/v1/moderations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    static Timed get(String path) {
        return send(request(path).GET());
    }

    /** A GET on the management interface (health, metrics). */
    static Timed getManagement(String path) {
        URI uri = URI.create("http://localhost:" + ManagementPort.port() + path);
        return send(HttpRequest.newBuilder(uri).timeout(GIVE_UP).GET());
    }

    /** A 503 problem with Retry-After, answered within {@link #BOUND}. */
    static void assertUnavailableInTime(Timed timed) {
        assertThat(timed.took()).isLessThan(BOUND);
        assertThat(timed.response().statusCode()).isEqualTo(503);
        assertThat(timed.response().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(timed.response().body()).contains("https://warden.dev/problems/unavailable");
        assertThat(timed.response().headers().firstValue("Retry-After")).contains("2");
    }

    private static HttpRequest.Builder request(String path) {
        URI uri = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class) + path);
        return HttpRequest.newBuilder(uri).timeout(GIVE_UP).header("Authorization",
                "Bearer " + TestClients.MODERATOR_KEY);
    }

    private static Timed send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new AssertionError("no answer within " + GIVE_UP.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private TimedRequests() {
    }
}
