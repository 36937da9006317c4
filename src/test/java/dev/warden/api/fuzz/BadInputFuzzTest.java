package dev.warden.api.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.warden.reports.api.ReportBodies;
import dev.warden.testkit.TestClients;
import dev.warden.webhooks.inbox.InboxTestPartners;

/**
 * Bad input everywhere (issue 12): thousands of hostile requests, derived from {@code openapi/warden-api.yaml} so every
 * operation of the contract gets them, plus unknown paths and request lines that are not HTTP, sent on a raw socket.
 * Each answer must be a 4xx problem (or a documented 2xx for the cases that happen to be valid), never a 5xx or a
 * stack trace; afterwards the database holds exactly the rows of the accepted cases and a normal moderation works.
 * <p>
 * Seeded and bounded: {@code -Dwarden.fuzz.seed=<n>} replays a run (the seed is printed), {@code
 * -Dwarden.fuzz.budget=PT50S} bounds the time spent sending cases; the order covers every (family, operation) pair
 * first, so a run cut short by the budget still reached everything once.
 */
@QuarkusTest
class BadInputFuzzTest {

    private static final Logger LOG = Logger.getLogger(BadInputFuzzTest.class);
    private static final Path CONTRACT = Path.of("openapi/warden-api.yaml");
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(30);
    private static final String FUZZ_PROVIDER = "fuzz-target";
    private static final String FUZZ_REPORTING_PARTNER = "fuzz-dsa";
    private static final int LISTED_VIOLATIONS = 40;

    @TestHTTPResource("/")
    URL api;

    @Test
    void badInputEverywhereIsAProblemNeverAFailure() throws Exception {
        long seed = Long.getLong("warden.fuzz.seed", new Random().nextLong());
        Duration budget = Duration.parse(System.getProperty("warden.fuzz.budget", "PT50S"));
        LOG.infof("Bad-input fuzz: seed %d (replay with -Dwarden.fuzz.seed=%d), budget %s", seed, seed, budget);

        Contract contract = Contract.load(CONTRACT);
        BaseRequests base = new BaseRequests(fixtures());
        CasePool pool = CasePool.of(contract, base, TestClients.MODERATOR_KEY, new Random(seed));
        AnswerCheck check = new AnswerCheck(contract.hasPathUnder("/openai/"));
        DatabaseLedger ledger = DatabaseLedger.open();

        Map<String, List<String>> violations = new TreeMap<>();
        Map<String, Integer> perFamily = new TreeMap<>();
        Map<Integer, Integer> perStatus = new TreeMap<>();
        Map<String, List<String>> bare = new TreeMap<>();
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        try (RawHttp http = new RawHttp(api.getHost(), api.getPort(), CASE_TIMEOUT)) {
            for (FuzzCase fuzzCase : pool.cases()) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                RawAnswer answer = send(http, fuzzCase);
                sent++;
                perFamily.merge(fuzzCase.family(), 1, Integer::sum);
                perStatus.merge(answer.status(), 1, Integer::sum);
                recordAccepted(fuzzCase, answer, ledger);
                for (String violation : check.violations(fuzzCase, answer)) {
                    String kind = violation.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<uuid>");
                    violations.computeIfAbsent(fuzzCase.family() + ": " + kind.substring(0, Math.min(kind.length(),
                            160)), key -> new ArrayList<>()).add(fuzzCase.toString());
                }
                if (answer.body().length == 0 && answer.header("content-type").isEmpty() && answer.status() >= 400
                        || answer.status() == 0) {
                    bare.computeIfAbsent(answer.status() + " to " + fuzzCase.family(), key -> new ArrayList<>())
                            .add(fuzzCase.toString());
                }
            }
        }
        LOG.infof("Bad-input fuzz: seed %d, %d of %d cases sent, per family %s, per status %s, %d accepted", seed,
                sent, pool.cases().size(), perFamily, perStatus, ledger.acceptedCount());
        bare.forEach((answered, cases) -> LOG.infof("Bad-input fuzz: the HTTP server itself answered %s (no body) in"
                + " %d cases, e.g. %s", answered, cases.size(), cases.subList(0, Math.min(8, cases.size()))));
        restoreFuzzCircuit();

        assertThat(violations).as("violations (seed %d); first cases for each:%n%s", seed, listing(violations))
                .isEmpty();
        assertThat(sent).as("cases sent within the budget (every family at every operation at least once)")
                .isGreaterThanOrEqualTo(pool.buckets());
        assertThat(ledger.unexplainedRows()).as("rows no accepted case explains (seed %d)", seed).isEmpty();
        assertThat(ledger.lostAccepted()).as("accepted ids that were not stored (seed %d)", seed).isZero();
        aNormalModerationStillWorks();
    }

    private static RawAnswer send(RawHttp http, FuzzCase fuzzCase) {
        try {
            return http.exchange(fuzzCase.request().bytes("localhost"));
        } catch (IOException failure) {
            throw new AssertionError("no answer to " + fuzzCase + ": " + failure.getMessage(), failure);
        }
    }

    /** A 2xx to a POST may have stored something: the id it names is an explained row. */
    private static void recordAccepted(FuzzCase fuzzCase, RawAnswer answer, DatabaseLedger ledger) throws IOException {
        if (answer.status() < 200 || answer.status() >= 300 || !fuzzCase.request().method().equals("POST")
                || answer.body().length == 0) {
            return;
        }
        JsonNode body = BaseRequests.JSON.readTree(answer.body());
        accept(body.path("id"), ledger);
        // The OpenAI-compatible answer stores one moderation per result and names each in warden_moderation_id.
        body.path("results").forEach(result -> accept(result.path("warden_moderation_id"), ledger));
    }

    private static void accept(JsonNode id, DatabaseLedger ledger) {
        if (id.isTextual()) {
            try {
                ledger.accepted(UUID.fromString(id.asText()));
            } catch (IllegalArgumentException notAUuid) {
                // Not a stored row's id (e.g. a provider's name, OpenAI's modr-… answer id).
            }
        }
    }

    private Fixtures fixtures() {
        String moderation = given().auth().oauth2(TestClients.MODERATOR_KEY).contentType("application/json")
                .body("{\"content\":[{\"type\":\"text\",\"text\":\"fuzz fixture\"}]}").post("/v1/moderations")
                .then().statusCode(200).extract().path("id");
        String report = given().auth().oauth2(TestClients.REPORTER_KEY).contentType("application/json")
                .body(ReportBodies.request(FUZZ_REPORTING_PARTNER, "statementOfReasons", ReportBodies.statement())
                        .toString())
                .post("/v1/reports").then().statusCode(202).extract().path("id");
        Map<String, String> pathValues = new LinkedHashMap<>();
        pathValues.put("/v1/moderations/{id} id", moderation);
        pathValues.put("/v1/providers/{id}/circuit id", FUZZ_PROVIDER);
        for (String action : List.of("", ":retry", ":retract", ":confirm")) {
            pathValues.put("/v1/reports/{id}" + action + " id", report);
        }
        pathValues.put("partner", InboxTestPartners.TESTER);
        return new Fixtures(Map.of("moderate", TestClients.MODERATOR_KEY, "admin", TestClients.ADMIN_KEY, "report",
                TestClients.REPORTER_KEY), pathValues, InboxTestPartners.NEW_SECRET,
                Map.of("partner", FUZZ_REPORTING_PARTNER));
    }

    private static void restoreFuzzCircuit() {
        given().auth().oauth2(TestClients.ADMIN_KEY).contentType("application/json").body("{\"state\":\"closed\"}")
                .post("/v1/providers/" + FUZZ_PROVIDER + "/circuit").then().statusCode(200);
    }

    private static void aNormalModerationStillWorks() {
        given().auth().oauth2(TestClients.MODERATOR_KEY).contentType("application/json")
                .body("{\"content\":[{\"type\":\"text\",\"text\":\"I will hurt you, you idiot\"}]}")
                .post("/v1/moderations").then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("decision", equalTo("block"));
    }

    private static String listing(Map<String, List<String>> violations) {
        StringBuilder listing = new StringBuilder();
        violations.entrySet().stream().limit(LISTED_VIOLATIONS).forEach(violation -> listing.append("- ")
                .append(violation.getKey()).append(" (").append(violation.getValue().size()).append(" cases), e.g. ")
                .append(violation.getValue().get(0)).append('\n'));
        return listing.toString();
    }
}
