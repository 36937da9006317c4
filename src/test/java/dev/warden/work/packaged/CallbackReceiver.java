package dev.warden.work.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * A caller's callback endpoint on loopback. It verifies every request's Standard Webhooks signature with the test's
 * own {@link StandardWebhookVerifier}, fails a share of the verified ones with 503 (chosen by a seeded random, so a
 * failing run can be replayed), can hold requests (see {@link Gate}), and records every arrival: which
 * {@code webhook-id}, which moderation, what it answered, and whether another request for the same id was still in
 * flight when it came.
 */
final class CallbackReceiver implements AutoCloseable {

    static final String PATH = "/callbacks";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DELIVERED = 204;
    private static final int FLAKY = 503;
    private static final int BAD_SIGNATURE = 401;

    /**
     * One request as the receiver saw it. {@code moderationId} is the event's {@code data.id}; {@code answered} is the
     * status the receiver chose, which a sender killed while the request was held never read.
     */
    record Arrival(String webhookId, String moderationId, String type, int answered, Instant at) {

        boolean delivered() {
            return answered == DELIVERED;
        }
    }

    private final StandardWebhookVerifier verifier;
    private final double failureRate;
    private final Random random;
    private final Gate gate = new Gate();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final LoopbackServer server;

    /** {@code failureRate}: the share of verified requests answered 503 (0 for a healthy receiver). */
    CallbackReceiver(String secret, double failureRate, long seed) {
        this.verifier = new StandardWebhookVerifier(secret);
        this.failureRate = failureRate;
        this.random = new Random(seed);
        this.server = new LoopbackServer(PATH, this::handle);
    }

    String url() {
        return server.baseUrl() + PATH;
    }

    /** Where requests wait, after they are read, verified and recorded, while it holds. */
    Gate gate() {
        return gate;
    }

    synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The requests answered 2xx that arrived after {@code instant}. */
    List<Arrival> deliveredSince(Instant instant) {
        return arrivals().stream().filter(arrival -> arrival.delivered() && arrival.at().isAfter(instant)).toList();
    }

    /** Requests that arrived while another request with the same {@code webhook-id} was still being answered. */
    int overlaps() {
        return overlaps.get();
    }

    /** The {@code webhook-id}s answered 2xx, with how many times each. */
    Map<String, Long> deliveredCounts() {
        return arrivals().stream().filter(Arrival::delivered)
                .collect(Collectors.groupingBy(Arrival::webhookId, Collectors.counting()));
    }

    /** Every {@code webhook-id} each moderation's callbacks came with. */
    Map<String, Set<String>> webhookIdsByModeration() {
        Map<String, Set<String>> ids = new HashMap<>();
        for (Arrival arrival : arrivals()) {
            ids.computeIfAbsent(arrival.moderationId(), any -> new TreeSet<>()).add(arrival.webhookId());
        }
        return ids;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            boolean verified = verifier.verifies(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now());
            int status = verified ? chooseStatus() : BAD_SIGNATURE;
            AtomicInteger sameId = inFlight.computeIfAbsent(String.valueOf(id), any -> new AtomicInteger());
            if (sameId.getAndIncrement() > 0) {
                overlaps.incrementAndGet();
            }
            try {
                JsonNode event = event(body);
                remember(new Arrival(id, event.path("data").path("id").asText(null), event.path("type").asText(null),
                        status, Instant.now()));
                gate.pass();
                exchange.sendResponseHeaders(status, -1);
            } finally {
                sameId.decrementAndGet();
            }
        }
    }

    private synchronized int chooseStatus() {
        return random.nextDouble() < failureRate ? FLAKY : DELIVERED;
    }

    private synchronized void remember(Arrival arrival) {
        arrivals.add(arrival);
    }

    private static JsonNode event(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    @Override
    public void close() {
        gate.release();
        server.close();
    }
}
