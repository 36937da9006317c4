package dev.warden.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.testkit.HttpExchanges;

/**
 * Issue 13, answered means committed: while 32 callers keep moderations in flight on the packaged jar's embedded
 * default, the JVM and every PostgreSQL process are killed with SIGKILL together. After the restart (PostgreSQL
 * recovers from its write-ahead log) every moderation that was answered {@code 200} is there exactly as answered, and
 * every keyed one replays with its key. A write path that answers before its commit is durable (a group commit that
 * answers its callers early, {@code synchronous_commit} off) loses the last answers before the kill and fails here.
 */
class AnsweredModerationsSurviveKillIT {

    private static final int CALLERS = 32;
    /** Enough that the kill falls among answers flowing steadily, and that the test cannot pass on next to nothing. */
    private static final int ANSWERED_BEFORE_THE_KILL = 400;
    private static final int CHECKERS = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String THREAT = "I will hurt you, you idiot";
    private static final String HARMLESS = "see you at the match tomorrow";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyModerationAnsweredBeforeASigkillOfTheJvmAndPostgresqlIsThereAfterTheRestart(@TempDir Path directory)
            throws Exception {
        Path data = directory.resolve(".warden/pg");
        Instant killedAt;
        List<Answer> answered;
        long inFlightAtTheKill;
        try (PackagedWarden crashing = PackagedWarden.start(directory);
                Callers callers = new Callers(new Moderations(crashing, readKey(directory)))) {
            await().atMost(ChildJvm.PATIENCE).until(() -> callers.answered.size() >= ANSWERED_BEFORE_THE_KILL);

            killedAt = crashing.killWithItsDatabase(data);
            callers.close();

            answered = List.copyOf(callers.answered);
            inFlightAtTheKill = callers.broken.stream().filter(sentAt -> sentAt.isBefore(killedAt)).count();
        }
        assertThat(inFlightAtTheKill).as("requests sent before the kill and never answered").isPositive();
        long keyed = answered.stream().filter(answer -> answer.request.keyed()).count();
        System.out.printf("answered %d (%d with an Idempotency-Key) before the kill, %d within its last 100 ms; %d in"
                + " flight at the kill%n", answered.size(), keyed, answeredWithin(answered, killedAt,
                        Duration.ofMillis(100)), inFlightAtTheKill);

        try (PackagedWarden restarted = PackagedWarden.start(directory)) {
            assertThat(restarted.output()).as("PostgreSQL recovered from a crash, not from a clean stop")
                    .contains("automatic recovery in progress");
            Moderations api = new Moderations(restarted, readKey(directory));

            assertThat(faults(answered, answer -> notStored(api, answer, killedAt)))
                    .as("of %d answered before the kill, not there as answered after the restart", answered.size())
                    .isEmpty();
            assertThat(faults(answered.stream().filter(answer -> answer.request.keyed()).toList(),
                    answer -> notReplayed(api, answer, killedAt)))
                    .as("of %d keyed requests answered before the kill, not replayed after the restart", keyed)
                    .isEmpty();
        }
    }

    /** What the check finds wrong with each answer, the answers checked a few at once: each is a round trip. */
    private static List<String> faults(List<Answer> answers, Function<Answer, Optional<String>> check) {
        ExecutorService threads = Executors.newFixedThreadPool(CHECKERS);
        try {
            List<CompletableFuture<Optional<String>>> checks = answers.stream()
                    .map(answer -> CompletableFuture.supplyAsync(() -> check.apply(answer), threads)).toList();
            return checks.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
        } finally {
            threads.shutdownNow();
        }
    }

    /** What is wrong with the stored moderation, if anything. */
    private static Optional<String> notStored(Moderations api, Answer answer, Instant killedAt) {
        HttpResponse<String> stored = api.moderation(answer.id);
        if (stored.statusCode() != 200 || !read(stored).equals(answer.body)) {
            return Optional.of(answer.describe(killedAt) + ": GET answered " + stored.statusCode() + " "
                    + stored.body());
        }
        return Optional.empty();
    }

    /** What is wrong with the answer to the keyed request sent again, if anything. */
    private static Optional<String> notReplayed(Moderations api, Answer answer, Instant killedAt) {
        HttpResponse<String> replay = api.send(answer.request);
        boolean replayed = replay.headers().firstValue(REPLAYED).orElse("").equals("true");
        if (replay.statusCode() != 200 || !replayed || !read(replay).equals(answer.body)) {
            return Optional.of(answer.describe(killedAt) + ": sent again, answered " + replay.statusCode() + " "
                    + REPLAYED + ": " + replay.headers().firstValue(REPLAYED).orElse("absent") + " "
                    + replay.body());
        }
        return Optional.empty();
    }

    private static String readKey(Path directory) throws IOException {
        return Files.readString(directory.resolve(".warden/dev-api-key"), StandardCharsets.UTF_8).trim();
    }

    private static long answeredWithin(List<Answer> answered, Instant killedAt, Duration window) {
        return answered.stream().filter(answer -> answer.millisBefore(killedAt) < window.toMillis()).count();
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One moderation request: a threat or not, with an Idempotency-Key or not, and text of its own. */
    private record Request(String body, String idempotencyKey) {

        static Request of(int caller, int sequence) {
            ObjectNode body = JSON.createObjectNode();
            String text = (sequence % 2 == 0 ? THREAT : HARMLESS) + " #" + caller + "-" + sequence;
            body.putArray("content").addObject().put("type", "text").put("text", text);
            return new Request(body.toString(), caller % 2 == 0 ? UUID.randomUUID().toString() : null);
        }

        boolean keyed() {
            return idempotencyKey != null;
        }
    }

    /** A request answered {@code 200}: the moderation's id, the answer, and when the caller had it. */
    private record Answer(Request request, String id, JsonNode body, Instant at) {

        long millisBefore(Instant moment) {
            return Duration.between(at, moment).toMillis();
        }

        String describe(Instant killedAt) {
            return id + " (answered " + millisBefore(killedAt) + " ms before the kill, " + request.body + ")";
        }
    }

    /** Warden's moderations over plain HTTP/1.1, so the answer is compared as it was sent. */
    private record Moderations(PackagedWarden warden, String apiKey) {

        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT).build();

        HttpResponse<String> send(Request request) {
            HttpRequest.Builder post = builder("/v1/moderations").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.body));
            if (request.keyed()) {
                post.header("Idempotency-Key", request.idempotencyKey);
            }
            return send(post);
        }

        HttpResponse<String> moderation(String id) {
            return send(builder("/v1/moderations/" + id).GET());
        }

        private HttpRequest.Builder builder(String path) {
            return HttpRequest.newBuilder(URI.create(warden.baseUrl() + path)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + apiKey);
        }

        private static HttpResponse<String> send(HttpRequest.Builder request) {
            return HttpExchanges.send(HTTP, request.build());
        }
    }

    /**
     * {@link #CALLERS} callers, each sending one moderation after another until closed, so requests are always in
     * flight. They keep every answer {@code 200} and, of every request that got no answer (a broken connection), when
     * it was sent. Other answers ({@code 503} on a loaded machine) are neither.
     */
    private static final class Callers implements AutoCloseable {

        final Queue<Answer> answered = new ConcurrentLinkedQueue<>();
        final Queue<Instant> broken = new ConcurrentLinkedQueue<>();
        private final Moderations api;
        private final ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        private volatile boolean closed;

        Callers(Moderations api) {
            this.api = api;
            for (int caller = 0; caller < CALLERS; caller++) {
                int id = caller;
                threads.execute(() -> call(id));
            }
        }

        private void call(int caller) {
            for (int sequence = 0; !closed; sequence++) {
                Request request = Request.of(caller, sequence);
                Instant sentAt = Instant.now();
                try {
                    HttpResponse<String> response = api.send(request);
                    Instant answeredAt = Instant.now();
                    if (response.statusCode() == 200) {
                        JsonNode body = read(response);
                        answered.add(new Answer(request, body.path("id").asText(), body, answeredAt));
                    }
                } catch (UncheckedIOException e) {
                    broken.add(sentAt);
                }
            }
        }

        /** Stops every caller after its current request, and waits for that; again, it changes nothing. */
        @Override
        public void close() throws InterruptedException {
            closed = true;
            threads.shutdown();
            if (!threads.awaitTermination(REQUEST_TIMEOUT.multipliedBy(2).toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("callers still waiting for answers");
            }
        }
    }
}
