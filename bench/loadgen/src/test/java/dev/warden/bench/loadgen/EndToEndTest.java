package dev.warden.bench.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real generator against a tiny Vert.x server in this JVM that answers after a fixed 5 ms. */
class EndToEndTest {

    private static final String BODY = "{\"text\":\"hello\"}";
    private static final long SERVICE_TIME_MS = 5;
    private static final int HUNG_REQUESTS = 3;

    private static Vertx vertx;
    private static HttpServer server;
    private static final AtomicInteger flakyRequests = new AtomicInteger();
    private static final AtomicInteger hangingRequests = new AtomicInteger();

    @TempDir
    Path tempDir;

    @BeforeAll
    static void startServer() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> answer(request, body)))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * /ok: 200 if the body arrived intact, /flaky: every 4th request is a 500, /hang-first: the first three
     * requests never get an answer.
     */
    private static void answer(HttpServerRequest request, Buffer body) {
        int status;
        switch (request.path()) {
            case "/ok" -> status = body.toString().equals(BODY) ? 200 : 400;
            case "/flaky" -> status = flakyRequests.incrementAndGet() % 4 == 0 ? 500 : 200;
            case "/hang-first" -> {
                if (hangingRequests.incrementAndGet() <= HUNG_REQUESTS) {
                    return;
                }
                status = 200;
            }
            default -> status = 404;
        }
        vertx.setTimer(SERVICE_TIME_MS, id -> request.response().setStatusCode(status).end("{}"));
    }

    @Test
    void sustainsTheRateAndMeasuresFromTheIntendedSendTime() throws IOException {
        Path bodyFile = Files.writeString(tempDir.resolve("body.json"), BODY);
        Path out = tempDir.resolve("report.json");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        int exitCode = Main.run(new String[] {
                "run", "--url", url("/ok"), "--rate", "200", "--duration", "2s", "--warmup", "0s", "--runs", "1",
                "--body-file", bodyFile.toString(), "--header", "Content-Type: application/json",
                "--label", "e2e", "--out", out.toString()}, new PrintStream(stdout), System.err);

        System.out.print(stdout);
        assertEquals(0, exitCode);
        JsonNode run = new ObjectMapper().readTree(out.toFile()).get("runs").get(0);
        assertEquals(400, run.get("sent").asLong());
        assertEquals(400, run.get("ok").asLong(), () -> "errors: " + run.get("errors"));
        assertEquals(0, run.get("errors").size());
        assertEquals(200, run.get("achievedRate").asDouble(), 200 * 0.05);
        assertTrue(run.get("latencyMs").get("p50").asDouble() >= SERVICE_TIME_MS, run.get("latencyMs")::toString);
        assertTrue(stdout.toString().contains("[e2e] run 1/1: target 200.0/s"), stdout::toString);
    }

    @Test
    void countsNon2xxResponsesAsErrorsByStatus() throws IOException {
        Path out = tempDir.resolve("report.json");

        int exitCode = Main.run(new String[] {
                "run", "--url", url("/flaky"), "--rate", "100", "--duration", "1s", "--warmup", "0s", "--runs", "1",
                "--out", out.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err);

        assertEquals(0, exitCode, "target errors are data, not a failure of the generator");
        JsonNode run = new ObjectMapper().readTree(out.toFile()).get("runs").get(0);
        assertEquals(100, run.get("sent").asLong());
        // the probe was flaky request 1, so the measured ones are 2..101: 25 multiples of 4
        assertEquals(25, run.get("errors").get("status_500").asLong());
        assertEquals(75, run.get("ok").asLong());
    }

    @Test
    void timesOutHungRequestsAndKeepsGoingOnFreshConnections() throws UsageException {
        Command.Common common = new Command.Common(URI.create(url("/hang-first")), "GET", Optional.empty(),
                List.of(), 4, Duration.ofMillis(200), Duration.ZERO, "hang", Optional.empty());

        RunStats stats;
        try (LoadDriver driver = new LoadDriver(TargetRequest.from(common), "hang", 4, common.timeout())) {
            stats = driver.run(20, Duration.ofSeconds(1));
        }

        assertEquals(20, stats.sent());
        assertEquals(Map.of(ErrorKinds.TIMEOUT, (long) HUNG_REQUESTS), stats.errors());
        assertEquals(20 - HUNG_REQUESTS, stats.ok());
    }

    @Test
    void anUnreachableTargetFailsBeforeWarmUp() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int exitCode = Main.run(new String[] {"run", "--url", "http://127.0.0.1:" + closedPort + "/", "--rate", "10"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr));

        assertEquals(Main.EXIT_TARGET_UNREACHABLE, exitCode);
        assertTrue(stderr.toString().contains("cannot reach"), stderr::toString);
    }

    @Test
    void badArgumentsPrintUsage() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int exitCode = Main.run(new String[] {"run", "--rate", "10"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr));

        assertEquals(Main.EXIT_BAD_ARGUMENTS, exitCode);
        assertTrue(stderr.toString().contains("--url is required"));
        assertTrue(stderr.toString().contains("Usage:"));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }
}
