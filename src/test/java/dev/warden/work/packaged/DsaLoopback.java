package dev.warden.work.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * A DSA Transparency Database on loopback for the packaged tests (partners.md §2.2, §2.5), shared by every Warden
 * process of a test. Like the real one it remembers the puids it stored and locks the puids of a call while it is in
 * flight: a call carrying a puid it holds, one that another call still in flight carries, or one twice, is refused
 * whole with the batch 422 duplicate answer, and nothing of it is stored. The first call and a seeded share of the
 * others (a failing run can be replayed) are answered 503 before anything is looked at, storing nothing.
 * <ul>
 * <li>{@code POST /api/v1/statements} with {@code Authorization: Bearer <token>} and {@code Accept:
 * application/json}: 201 with every statement echoed with {@code uuid}, {@code permalink}, {@code self},
 * {@code created_at}, in reverse order (the client must match by puid); 422 for an empty call or more than 100
 * statements; 401 without the token.</li>
 * <li>{@code GET /api/v1/statement/existing-puid/{puid}}: 302 (no {@code Location}) for a stored puid, else 404.</li>
 * </ul>
 * Every statements call is recorded ({@link #calls()}).
 */
final class DsaLoopback implements AutoCloseable {

    static final String DUPLICATE_MESSAGE = "The platform identifier(s) are not all unique within this call.";
    private static final String API = "/api/";
    private static final String STATEMENTS = "/api/v1/statements";
    private static final String EXISTING_PUID = "/api/v1/statement/existing-puid/";
    private static final int MAX_BATCH = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String HOST = "https://transparency.dsa.ec.europa.eu";

    /**
     * One statements call: the puids it carried in order, what it was answered, and {@code duplicates}, the puids a
     * 422 duplicate named. {@code answeredAt} is when the answer was written (the puids' lock was held until then).
     */
    record Call(int number, Instant arrivedAt, Instant answeredAt, int status, List<String> puids,
            Set<String> duplicates) {
    }

    private final String token;
    private final double unavailableShare;
    private final Random random;
    private final Set<String> stored = new HashSet<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, String> uuids = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private int arrived;
    private final LoopbackServer server;

    /** {@code unavailableShare}: the share of calls after the first answered 503, chosen with {@code seed}. */
    DsaLoopback(String token, double unavailableShare, long seed) {
        this.token = token;
        this.unavailableShare = unavailableShare;
        this.random = new Random(seed);
        this.server = new LoopbackServer(API, this::handle);
    }

    /** A partner's {@code base-url}: {@code http://127.0.0.1:<port>}. */
    String baseUrl() {
        return server.baseUrl();
    }

    /** Every statements call, in the order they arrived. */
    synchronized List<Call> calls() {
        return calls.stream().sorted(Comparator.comparingInt(Call::number)).toList();
    }

    /** Each puid the loopback stored, with how many calls answered 201 carried it: more than one is a bug. */
    Map<String, Long> acceptedCounts() {
        return calls().stream().filter(call -> call.status() == 201).flatMap(call -> call.puids().stream())
                .collect(Collectors.groupingBy(puid -> puid, Collectors.counting()));
    }

    /** The {@code uuid} the loopback gave the statement with this puid, if it stored it. */
    synchronized String uuidOf(String puid) {
        return uuids.get(puid);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"message\":\"Unauthenticated.\"}");
            } else if ("POST".equals(exchange.getRequestMethod()) && STATEMENTS.equals(path)
                    && String.valueOf(exchange.getRequestHeaders().getFirst("Accept")).contains("application/json")) {
                statements(exchange, body);
            } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith(EXISTING_PUID)) {
                existing(exchange, path.substring(EXISTING_PUID.length()));
            } else {
                answer(exchange, 404, "{\"message\":\"Not found.\"}");
            }
        }
    }

    private void statements(HttpExchange exchange, byte[] body) throws IOException {
        Instant arrivedAt = Instant.now();
        JsonNode statements = parse(body).path("statements");
        List<String> puids = new ArrayList<>();
        statements.forEach(statement -> puids.add(statement.path("puid").asText()));
        int number;
        boolean unavailable;
        Set<String> duplicates = new LinkedHashSet<>();
        synchronized (this) {
            number = ++arrived;
            unavailable = number == 1 || random.nextDouble() < unavailableShare;
            if (!unavailable && !puids.isEmpty() && puids.size() <= MAX_BATCH) {
                Set<String> seen = new HashSet<>();
                for (String puid : puids) {
                    if (!seen.add(puid) || stored.contains(puid) || inFlight.contains(puid)) {
                        duplicates.add(puid);
                    }
                }
                if (duplicates.isEmpty()) {
                    inFlight.addAll(puids);
                }
            }
        }
        if (unavailable) {
            answer(exchange, 503, "{\"message\":\"Service Unavailable\"}");
            record(new Call(number, arrivedAt, Instant.now(), 503, puids, Set.of()));
        } else if (puids.isEmpty() || puids.size() > MAX_BATCH) {
            answer(exchange, 422, "{\"message\":\"The statements field must have between 1 and 100 items.\","
                    + "\"errors\":{\"statements\":[\"The statements field must have between 1 and 100 items.\"]}}");
            record(new Call(number, arrivedAt, Instant.now(), 422, puids, Set.of()));
        } else if (!duplicates.isEmpty()) {
            ObjectNode answer = JSON.createObjectNode().put("message", DUPLICATE_MESSAGE);
            ObjectNode errors = answer.putObject("errors");
            errors.putArray("puid").add(DUPLICATE_MESSAGE);
            ArrayNode existing = errors.putArray("existing_puids");
            duplicates.forEach(existing::add);
            answer(exchange, 422, answer.toString());
            record(new Call(number, arrivedAt, Instant.now(), 422, puids, Set.copyOf(duplicates)));
        } else {
            try {
                ObjectNode echo = echo(statements);
                synchronized (this) {
                    stored.addAll(puids);
                    echo.path("statements").forEach(statement -> uuids.put(statement.path("puid").asText(),
                            statement.path("uuid").asText()));
                }
                answer(exchange, 201, echo.toString());
                record(new Call(number, arrivedAt, Instant.now(), 201, puids, Set.of()));
            } finally {
                synchronized (this) {
                    puids.forEach(inFlight::remove);
                }
            }
        }
    }

    private void existing(HttpExchange exchange, String puid) throws IOException {
        boolean holds;
        synchronized (this) {
            holds = stored.contains(puid);
        }
        ObjectNode body = JSON.createObjectNode()
                .put("message", holds ? "statement of reason found" : "statement of reason not found")
                .put("puid", puid);
        answer(exchange, holds ? 302 : 404, body.toString());
    }

    private static ObjectNode echo(JsonNode statements) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode echoed = body.putArray("statements");
        String createdAt = LocalDateTime.now(ZoneOffset.UTC).format(CREATED_AT);
        for (int i = statements.size() - 1; i >= 0; i--) {
            ObjectNode statement = statements.get(i).deepCopy();
            String uuid = UUID.randomUUID().toString();
            statement.put("uuid", uuid).put("created_at", createdAt).put("platform_name", "Warden Test Platform")
                    .put("permalink", HOST + "/statement/" + uuid).put("self", HOST + "/api/v1/statement/" + uuid);
            echoed.add(statement);
        }
        return body;
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
