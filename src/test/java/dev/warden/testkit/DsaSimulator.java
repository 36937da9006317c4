package dev.warden.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * A DSA Transparency Database on WireMock, built from partners.md §2.5 and §2.7, for the adapter's tests and the
 * delivery tests. It behaves like the partner, not like a script: it <b>remembers</b> the puids it stored, so a
 * statement sent twice, or by two calls at once, is a 422 duplicate, and {@code existing-puid} answers 302 only for
 * stored puids. Every call goes through WireMock's admin API, so it works from any class loader (a
 * {@code @QuarkusTest}) as long as the server was started with {@link #extensions()}.
 * <ul>
 * <li>{@code POST <prefix>/api/v1/statements} with the token, {@code Accept} and {@code Content-Type}: 422 naming the
 * {@link #invalid invalid} items by their index in <em>this</em> call (validation comes first, as in the API), 422
 * without indexes for {@link #rejectedWithoutIndexes} puids, 422 duplicate for puids already stored,
 * {@link #known} or {@link #phantom} (and for a puid twice in one call), else 201: the echo of every statement with
 * {@code uuid}, {@code permalink}, {@code self}, {@code created_at}, {@code platform_name}, its arrays sorted and the
 * statements in <em>reverse</em> order, so a client that matches by position fails. Nothing of a refused call is
 * stored.</li>
 * <li>Without {@code Accept: application/json} (and with the token): 302 to a login page, Laravel's answer to a
 * failed form request. Without the token: 401 {@code Unauthenticated.}</li>
 * <li>{@code GET <prefix>/api/v1/statement/existing-puid/{puid}}: 302 with the JSON body and a {@code Location} to
 * {@code <prefix>/trap} for a stored or known puid (the real API sends no {@code Location}; this one proves the
 * client does not follow it: {@link #trapHits()}), 404 otherwise, {@link #phantom} puids included.</li>
 * <li>{@link #failNext} answers the next calls with canned failures ({@link #unavailable()}, {@link #rateLimited}) or
 * a {@link #slow} success, before any of the above.</li>
 * </ul>
 */
public final class DsaSimulator {

    public static final String STATEMENTS = "/api/v1/statements";
    public static final String EXISTING_PUID = "/api/v1/statement/existing-puid/";
    public static final String TRAP = "/trap";
    public static final String RATE_LIMIT_TEXT = "Limit Reached. Please do not overload the API";
    public static final String DUPLICATE_MESSAGE = "The platform identifier(s) are not all unique within this call.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATEMENTS_TRANSFORMER = "dsa-statements";
    private static final String EXISTING_TRANSFORMER = "dsa-existing-puid";
    /** Failures and slow answers come first, then the partner, then what it answers a request that is not an API call. */
    private static final int FIRST = 1;
    private static final int PARTNER = 5;
    private static final int NOT_AN_API_CALL = 8;
    private static final int UNAUTHENTICATED = 9;

    private final WireMock admin;
    private final String prefix;
    private final String token;
    private final Map<String, Map<String, String>> invalid = new LinkedHashMap<>();
    private final Set<String> rejectedWithoutIndexes = new LinkedHashSet<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> phantom = new LinkedHashSet<>();
    private final List<StubMapping> stubs = new ArrayList<>();
    private final List<StubMapping> failures = new ArrayList<>();
    private String store = UUID.randomUUID().toString();

    /**
     * A simulator under {@code prefix} (e.g. {@code /dsa}, or empty) of the WireMock server {@code admin} talks to,
     * accepting {@code token}. Stubs nothing until {@link #start()}.
     */
    public DsaSimulator(WireMock admin, String prefix, String token) {
        this.admin = admin;
        this.prefix = prefix;
        this.token = token;
    }

    /** For a partner's {@code base-url}, e.g. {@code http://127.0.0.1:8089/dsa}. */
    public static DsaSimulator at(String baseUrl, String token) {
        URI uri = URI.create(baseUrl);
        return new DsaSimulator(new WireMock(uri.getHost(), uri.getPort()), uri.getPath(), token);
    }

    /** Register these on the WireMock server: {@code options().extensions(DsaSimulator.extensions())}. */
    public static Extension[] extensions() {
        return new Extension[] {new StatementsTransformer(), new ExistingPuidTransformer()};
    }

    /** Stubs the partner; again after a configuration change. */
    public DsaSimulator start() {
        stubs.forEach(admin::removeStubMapping);
        stubs.clear();
        Map<String, Object> parameters = parameters();
        stubs.add(admin.register(apiCall().atPriority(PARTNER).willReturn(aResponse()
                .withTransformers(STATEMENTS_TRANSFORMER).withTransformerParameters(parameters))));
        stubs.add(admin.register(post(urlEqualTo(prefix + STATEMENTS)).atPriority(NOT_AN_API_CALL)
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(302).withHeader("Location", prefix + "/login"))));
        stubs.add(admin.register(any(urlPathMatching(Pattern.quote(prefix) + "/api/.*")).atPriority(UNAUTHENTICATED)
                .willReturn(json(401, "{\"message\":\"Unauthenticated.\"}"))));
        stubs.add(admin.register(get(urlPathMatching(Pattern.quote(prefix + EXISTING_PUID) + "[^/]+"))
                .atPriority(PARTNER).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withTransformers(EXISTING_TRANSFORMER)
                        .withTransformerParameters(parameters))));
        stubs.add(admin.register(any(urlPathMatching(Pattern.quote(prefix + TRAP) + ".*")).atPriority(PARTNER)
                .willReturn(aResponse().withStatus(200))));
        return this;
    }

    /** Forgets stored puids, configuration, pending failures and this prefix's journal; stubs afresh. */
    public DsaSimulator reset() {
        invalid.clear();
        rejectedWithoutIndexes.clear();
        known.clear();
        phantom.clear();
        failures.forEach(admin::removeStubMapping);
        failures.clear();
        store = UUID.randomUUID().toString();
        admin.removeEvents(anyRequestedFor(urlPathMatching(Pattern.quote(prefix) + "/.*")));
        return start();
    }

    /** The partner refuses the statement with this puid: {@code wireField} (e.g. {@code decision_ground}) is wrong. */
    public DsaSimulator invalid(String puid, String wireField, String message) {
        invalid.put(puid, Map.of(wireField, message));
        return start();
    }

    /** A call carrying this puid is refused with a 422 that names no item (the core must split to find it). */
    public DsaSimulator rejectedWithoutIndexes(String puid) {
        rejectedWithoutIndexes.add(puid);
        return start();
    }

    /** The partner already holds these puids (stored by an earlier run): submitting them is a duplicate. */
    public DsaSimulator known(String... puids) {
        known.addAll(List.of(puids));
        return start();
    }

    /**
     * Puids the partner calls duplicates but does not hold: a lock or cache left by a call that rolled back
     * (partners.md §2.5 hazard); {@code existing-puid} answers 404 for them.
     */
    public DsaSimulator phantom(String... puids) {
        phantom.addAll(List.of(puids));
        return start();
    }

    /**
     * The next calls to the statements endpoint get these answers, one each, in order; then the partner answers
     * again. Replaces a sequence not yet served.
     */
    public DsaSimulator failNext(ResponseDefinitionBuilder... answers) {
        failures.forEach(admin::removeStubMapping);
        failures.clear();
        String scenario = "dsa " + prefix + " " + UUID.randomUUID();
        for (int i = 0; i < answers.length; i++) {
            failures.add(admin.register(post(urlEqualTo(prefix + STATEMENTS)).atPriority(FIRST).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after " + i).willSetStateTo("after " + (i + 1))
                    .willReturn(answers[i])));
        }
        return this;
    }

    /** 503, as the API answers while it is down (its body is not documented). */
    public static ResponseDefinitionBuilder unavailable() {
        return json(503, "{\"message\":\"Service Unavailable\"}");
    }

    /** 429 with the API's plain-text body and, when not null, {@code Retry-After}. */
    public static ResponseDefinitionBuilder rateLimited(Integer retryAfterSeconds) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(429).withHeader("Content-Type", "text/plain")
                .withBody(RATE_LIMIT_TEXT);
        return retryAfterSeconds == null ? answer : answer.withHeader("Retry-After", retryAfterSeconds.toString());
    }

    /** The partner's own answer (it stores what it accepts), after {@code delay}: a call the client times out. */
    public ResponseDefinitionBuilder slow(Duration delay) {
        return aResponse().withFixedDelay((int) delay.toMillis()).withTransformers(STATEMENTS_TRANSFORMER)
                .withTransformerParameters(parameters());
    }

    /** What the transformers know of this simulator: its store and the puids configured so far. */
    private Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("store", store);
        parameters.put("invalid", Map.copyOf(invalid));
        parameters.put("rejectedWithoutIndexes", List.copyOf(rejectedWithoutIndexes));
        parameters.put("known", List.copyOf(known));
        parameters.put("phantom", List.copyOf(phantom));
        parameters.put("trap", prefix + TRAP);
        return parameters;
    }

    /** Every call to the statements endpoint, in the order they arrived. */
    public List<Call> calls() {
        return admin.getServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(prefix + STATEMENTS)
                        && event.getRequest().getMethod().getName().equals("POST"))
                .map(Call::of).sorted(Comparator.comparing(Call::arrivedAt)).toList();
    }

    /** Puids the partner stored (answered 201 for), each as often as it was stored: more than once is a bug. */
    public List<String> storedPuids() {
        return calls().stream().filter(call -> call.status() == 201).flatMap(call -> call.puids().stream()).toList();
    }

    /** Puids sent in two calls that were in flight at the same time: what "never the same puid twice" forbids. */
    public Set<String> overlappingPuids() {
        List<Call> calls = calls();
        Set<String> overlapping = new TreeSet<>();
        for (int i = 0; i < calls.size(); i++) {
            for (int j = i + 1; j < calls.size(); j++) {
                Call a = calls.get(i);
                Call b = calls.get(j);
                if (a.arrivedAt().isBefore(b.answeredAt()) && b.arrivedAt().isBefore(a.answeredAt())) {
                    Set<String> shared = new HashSet<>(a.puids());
                    shared.retainAll(b.puids());
                    overlapping.addAll(shared);
                }
            }
        }
        return overlapping;
    }

    /** {@code existing-puid} checks of this puid. */
    public int existingPuidChecks(String puid) {
        return countOf(prefix + EXISTING_PUID + puid);
    }

    /** Requests that followed the {@code existing-puid} redirect: always 0 for a correct client. */
    public int trapHits() {
        return (int) admin.getServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(prefix + TRAP)).count();
    }

    private int countOf(String url) {
        return (int) admin.getServeEvents().stream().filter(event -> event.getRequest().getUrl().equals(url)).count();
    }

    private MappingBuilder apiCall() {
        return post(urlEqualTo(prefix + STATEMENTS)).withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Accept", containing("application/json"))
                .withHeader("Content-Type", containing("application/json"));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** One call to the statements endpoint as the journal holds it. */
    public record Call(Instant arrivedAt, Instant answeredAt, int status, List<String> puids, JsonNode request,
            String responseBody) {

        static Call of(ServeEvent event) {
            Instant arrived = event.getRequest().getLoggedDate().toInstant();
            Integer took = event.getTiming() == null ? null : event.getTiming().getTotalTime();
            JsonNode request = parse(event.getRequest().getBodyAsString());
            List<String> puids = new ArrayList<>();
            request.path("statements").forEach(statement -> puids.add(statement.path("puid").asText()));
            return new Call(arrived, arrived.plusMillis(took == null ? 0 : took), event.getResponse().getStatus(),
                    List.copyOf(puids), request, event.getResponse().getBodyAsString());
        }

        /** The statements sent, as the DSA's snake_case objects. */
        public List<JsonNode> statements() {
            List<JsonNode> statements = new ArrayList<>();
            request.path("statements").forEach(statements::add);
            return statements;
        }

        public JsonNode response() {
            return parse(responseBody);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return json == null || json.isBlank() ? JSON.nullNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    /** Answers one statements call as the partner would, remembering what it stored per simulator ({@code store}). */
    static final class StatementsTransformer extends NamedTransformer {

        /** Arrays the API de-duplicates and sorts in its echo (partners.md §2.5). */
        private static final List<String> SORTED = List.of("decision_visibility", "content_type", "category_addition",
                "category_specification", "territorial_scope");
        private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        private static final String HOST = "https://transparency.dsa.ec.europa.eu";
        static final Map<String, Set<String>> STORED = new ConcurrentHashMap<>();

        StatementsTransformer() {
            super(STATEMENTS_TRANSFORMER);
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Parameters parameters = event.getTransformerParameters();
            JsonNode statements = parse(event.getRequest().getBodyAsString()).path("statements");
            if (!statements.isArray() || statements.isEmpty() || statements.size() > 100) {
                return answer(event, 422, "{\"message\":\"The statements field must have between 1 and 100 items.\","
                        + "\"errors\":{\"statements\":[\"The statements field must have between 1 and 100 items.\"]}}");
            }
            List<String> puids = new ArrayList<>();
            statements.forEach(statement -> puids.add(statement.path("puid").asText()));
            ObjectNode itemErrors = JSON.createObjectNode();
            Map<?, ?> invalid = (Map<?, ?>) parameters.getOrDefault("invalid", Map.of());
            for (int i = 0; i < puids.size(); i++) {
                if (invalid.get(puids.get(i)) instanceof Map<?, ?> fields) {
                    ObjectNode item = itemErrors.putObject("statement_" + i);
                    fields.forEach((field, message) -> item.putArray(field.toString()).add(message.toString()));
                }
            }
            if (!itemErrors.isEmpty()) {
                ObjectNode body = JSON.createObjectNode();
                body.set("errors", itemErrors);
                return answer(event, 422, body.toString());
            }
            if (puids.stream().anyMatch(list(parameters, "rejectedWithoutIndexes")::contains)) {
                return answer(event, 422, "{\"message\":\"The given data was invalid.\"}");
            }
            Set<String> stored = STORED.computeIfAbsent(parameters.getString("store"),
                    store -> ConcurrentHashMap.newKeySet());
            synchronized (stored) {
                Set<String> duplicates = new LinkedHashSet<>();
                Set<String> seen = new HashSet<>();
                for (String puid : puids) {
                    if (!seen.add(puid) || stored.contains(puid) || list(parameters, "known").contains(puid)
                            || list(parameters, "phantom").contains(puid)) {
                        duplicates.add(puid);
                    }
                }
                if (!duplicates.isEmpty()) {
                    ObjectNode body = JSON.createObjectNode().put("message", DUPLICATE_MESSAGE);
                    ObjectNode errors = body.putObject("errors");
                    errors.putArray("puid").add(DUPLICATE_MESSAGE);
                    ArrayNode existing = errors.putArray("existing_puids");
                    duplicates.forEach(existing::add);
                    return answer(event, 422, body.toString());
                }
                stored.addAll(puids);
            }
            return answer(event, 201, echo(statements).toString());
        }

        private static ObjectNode echo(JsonNode statements) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode echoed = body.putArray("statements");
            String createdAt = LocalDateTime.now(ZoneOffset.UTC).format(CREATED_AT);
            for (int i = statements.size() - 1; i >= 0; i--) {
                ObjectNode statement = statements.get(i).deepCopy();
                SORTED.stream().filter(field -> statement.path(field).isArray()).forEach(field -> {
                    Set<String> values = new TreeSet<>();
                    statement.path(field).forEach(value -> values.add(value.asText()));
                    ArrayNode sorted = statement.putArray(field);
                    values.forEach(sorted::add);
                });
                String uuid = UUID.randomUUID().toString();
                statement.put("uuid", uuid).put("created_at", createdAt).put("platform_name", "Warden Test Platform")
                        .put("permalink", HOST + "/statement/" + uuid).put("self", HOST + "/api/v1/statement/" + uuid);
                echoed.add(statement);
            }
            return body;
        }
    }

    /** {@code existing-puid}: 302 for a stored or known puid, 404 otherwise. */
    static final class ExistingPuidTransformer extends NamedTransformer {

        ExistingPuidTransformer() {
            super(EXISTING_TRANSFORMER);
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Parameters parameters = event.getTransformerParameters();
            String url = event.getRequest().getUrl();
            String puid = url.substring(url.lastIndexOf('/') + 1);
            Set<String> stored = StatementsTransformer.STORED.getOrDefault(parameters.getString("store"), Set.of());
            boolean holds = stored.contains(puid) || list(parameters, "known").contains(puid);
            ObjectNode body = JSON.createObjectNode()
                    .put("message", holds ? "statement of reason found" : "statement of reason not found")
                    .put("puid", puid);
            ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
                    .withStatus(holds ? 302 : 404).withHeader("Content-Type", "application/json")
                    .withBody(body.toString());
            return (holds ? answer.withHeader("Location", parameters.getString("trap")) : answer).build();
        }
    }

    /** A transformer that applies only to the stubs that name it. */
    private abstract static class NamedTransformer implements ResponseDefinitionTransformerV2 {

        private final String name;

        NamedTransformer(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    private static Collection<?> list(Parameters parameters, String name) {
        return (Collection<?>) parameters.getOrDefault(name, List.of());
    }

    private static ResponseDefinition answer(ServeEvent event, int status, String body) {
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body).build();
    }
}
