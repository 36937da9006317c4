package dev.warden.reports.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.TestClients;

/** {@code /v1/reports} against the fake reporting types: intake, reads, listing and the operator actions. */
@QuarkusTest
class ReportsApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OTHER_REPORTER_KEY = "other-reporter-key";
    private static final String STATEMENT = "statementOfReasons";
    private static final String CYBERTIP = "cybertip";

    @Test
    void aValidStatementIs202WithItsLocationAndIsStoredWithItsDeliveryRowInOneGo() throws Exception {
        ObjectNode statement = ReportBodies.statement();
        String id = create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa", STATEMENT, statement))
                .statusCode(202)
                .header("Location", containsString("/v1/reports/"))
                .body("status", equalTo("queued"))
                .body("partner", equalTo("intake-dsa"))
                .body("format", equalTo("statement_of_reasons"))
                .body("source", equalTo("api"))
                .body("rulesVersion", equalTo("2025-07-01"))
                .body("partnerKey", equalTo(statement.get("puid").asText()))
                .body("deliveryId", notNullValue())
                .extract().path("id");

        UUID delivery = TestDatabase.queryOne(UUID.class, "select work_id from report where id = ?::uuid", id);
        assertThat(TestDatabase.queryOne(String.class,
                "select kind || '/' || destination || '/' || subject_id from outbox where id = ?", delivery))
                .isEqualTo("report/intake-dsa/" + id);
        as(TestClients.REPORTER_KEY).get("/v1/reports/" + id).then().statusCode(200)
                .body("report.puid", equalTo(statement.get("puid").asText()))
                .body("report.decisionGround", equalTo("DECISION_GROUND_INCOMPATIBLE_CONTENT"))
                .body("attempts.size()", equalTo(0));
    }

    @Test
    void aCybertipStoresItsEvidenceFilesInOrder() throws Exception {
        String id = create(TestClients.REPORTER_KEY,
                ReportBodies.request("intake-ncmec", CYBERTIP, ReportBodies.cybertip()))
                .statusCode(202).body("format", equalTo("cybertip")).body("partnerKey", nullValue())
                .extract().path("id");

        as(TestClients.ADMIN_KEY).get("/v1/reports/" + id).then().statusCode(200)
                .body("files.fileName", equalTo(List.of("a.jpg", "b.mp4")))
                .body("files.position", equalTo(List.of(0, 1)));
        assertThat(TestDatabase.queryOne(String.class, "select details->>'relevance' from report_file"
                + " where report_id = ?::uuid and position = 1", id)).isEqualTo("Supplemental Reported");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("missing facts", "intake-dsa", STATEMENT,
                        (Consumer<ObjectNode>) report -> report.remove("decisionFacts"),
                        "statementOfReasons.decisionFacts", "is required"),
                Arguments.of("bad enum", "intake-dsa", STATEMENT,
                        (Consumer<ObjectNode>) report -> report.put("decisionGround", "DECISION_GROUND_MAYBE"),
                        "statementOfReasons.decisionGround", "DECISION_GROUND_INCOMPATIBLE_CONTENT"),
                Arguments.of("bad date", "intake-dsa", STATEMENT,
                        (Consumer<ObjectNode>) report -> report.put("contentDate", "2026-02-30"),
                        "statementOfReasons.contentDate", "real date"),
                Arguments.of("puid with illegal characters", "intake-dsa", STATEMENT,
                        (Consumer<ObjectNode>) report -> report.put("puid", "a b/c"),
                        "statementOfReasons.puid", "letters, digits"),
                Arguments.of("wrong type", "intake-dsa", STATEMENT,
                        (Consumer<ObjectNode>) report -> report.put("automatedDetection", "yes"),
                        "statementOfReasons.automatedDetection", "true or false"),
                Arguments.of("file URL not https", "intake-ncmec", CYBERTIP,
                        (Consumer<ObjectNode>) report -> ((ObjectNode) report.withArray("evidence").get(0))
                                .put("url", "http://evidence.example/x.jpg"),
                        "cybertip.evidence[0].url", "must use https"),
                Arguments.of("bad hash", "intake-ncmec", CYBERTIP,
                        (Consumer<ObjectNode>) report -> ((ObjectNode) report.withArray("evidence").get(1))
                                .put("sha256", "abc"),
                        "cybertip.evidence[1].sha256", "64 hex digits"),
                Arguments.of("partner rule on a file", "intake-ncmec", CYBERTIP,
                        (Consumer<ObjectNode>) report -> ((ObjectNode) report.withArray("evidence").get(1))
                                .put("relevance", "Maybe"),
                        "cybertip.evidence[1].relevance", "ncmec rules 2026-07"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedReportsAreRefusedPreciselyAndNothingIsQueued(String name, String partner, String member,
            Consumer<ObjectNode> breakIt, String field, String message) throws Exception {
        long reports = count("select count(*) from report");
        long deliveries = count("select count(*) from outbox where kind = 'report'");
        ObjectNode report = STATEMENT.equals(member) ? ReportBodies.statement() : ReportBodies.cybertip();
        breakIt.accept(report);

        create(TestClients.REPORTER_KEY, ReportBodies.request(partner, member, report))
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://warden.dev/problems/validation"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message))
                .body("detail", not(containsString("Exception")));

        assertThat(count("select count(*) from report")).isEqualTo(reports);
        assertThat(count("select count(*) from outbox where kind = 'report'")).isEqualTo(deliveries);
    }

    @Test
    void everyProblemIsAnsweredAtOnce() {
        ObjectNode report = ReportBodies.statement();
        report.remove("decisionFacts");
        report.put("category", "STATEMENT_CATEGORY_NOPE");
        report.put("unexpected", "x");

        create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa", STATEMENT, report)).statusCode(400)
                .body("errors.field", equalTo(List.of("statementOfReasons.unexpected",
                        "statementOfReasons.decisionFacts", "statementOfReasons.category")));
    }

    @Test
    void bothOrNeitherFormatIs400AndTheWrongFormatIs422() {
        ObjectNode both = ReportBodies.request("intake-dsa", STATEMENT, ReportBodies.statement());
        both.set(CYBERTIP, ReportBodies.cybertip());
        create(TestClients.REPORTER_KEY, both).statusCode(400).contentType(PROBLEM);
        create(TestClients.REPORTER_KEY, ReportBodies.JSON.createObjectNode().put("partner", "intake-dsa"))
                .statusCode(400).body("errors[0].message", containsString("exactly one of"));
        ObjectNode empty = ReportBodies.JSON.createObjectNode().put("partner", "intake-dsa");
        empty.putObject(STATEMENT);
        create(TestClients.REPORTER_KEY, empty).statusCode(400).body("errors[0].message",
                equalTo("exactly one of statementOfReasons and cybertip is required, with its members"));
        create(TestClients.REPORTER_KEY, both).statusCode(400).body("errors[0].message",
                equalTo("exactly one of statementOfReasons and cybertip is allowed"));

        create(TestClients.REPORTER_KEY, ReportBodies.request("intake-ncmec", STATEMENT, ReportBodies.statement()))
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://warden.dev/problems/wrong-format"))
                .body("errors[0].field", equalTo("cybertip"));
        create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa", STATEMENT, ReportBodies.statement())
                .put("moderationId", "not-a-uuid")).statusCode(400).body("errors[0].field", equalTo("moderationId"));
        create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa", STATEMENT, ReportBodies.statement())
                .put("moderationId", UUID.randomUUID().toString()))
                .statusCode(400).body("errors[0].field", equalTo("moderationId"))
                .body("errors[0].message", containsString("no moderation"));
    }

    @Test
    void anUnknownPartnerIs422NamingTheKnownOnes() {
        create(TestClients.REPORTER_KEY, ReportBodies.request("nobody", STATEMENT, ReportBodies.statement()))
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://warden.dev/problems/unknown-partner"))
                .body("detail", containsString("intake-dsa"));
    }

    @Test
    void theSamePuidTwiceIsOneReportAndAnotherReportWithItIsAConflict() throws Exception {
        ObjectNode statement = ReportBodies.statement();
        String first = create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa", STATEMENT, statement))
                .statusCode(202).extract().path("id");

        ObjectNode reordered = ReportBodies.JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        statement.fieldNames().forEachRemaining(names::add);
        Collections.reverse(names);
        names.forEach(name -> reordered.set(name, statement.get(name)));
        create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa", STATEMENT, reordered))
                .statusCode(200).body("id", equalTo(first));

        statement.put("decisionFacts", "Other facts.");
        create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa", STATEMENT, statement))
                .statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://warden.dev/problems/report-conflict"))
                .body("detail", containsString(first));
        assertThat(count("select count(*) from report where partner_key = '" + statement.get("puid").asText()
                + "'")).isEqualTo(1);
        assertThat(count("select count(*) from outbox where subject_id = '" + first + "'")).isEqualTo(1);
    }

    @Test
    void theSamePuidSentConcurrentlyIsStoredOnceAndEveryCallerGetsIt() throws Exception {
        String body = ReportBodies.request("intake-dsa", STATEMENT, ReportBodies.statement()).toString();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(callers.submit(() -> as(TestClients.REPORTER_KEY).body(body).post("/v1/reports").then()
                        .statusCode(oneOf(200, 202)).extract().<String>path("id")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(1);
            assertThat(count("select count(*) from outbox where subject_id = '" + ids.iterator().next() + "'"))
                    .isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anIdempotencyKeyAnswersTheStoredReport() {
        String key = "tip-" + UUID.randomUUID();
        ObjectNode request = ReportBodies.request("intake-ncmec", CYBERTIP, ReportBodies.cybertip());
        String first = as(TestClients.REPORTER_KEY).header("Idempotency-Key", key).body(request.toString())
                .post("/v1/reports").then().statusCode(202).extract().path("id");

        as(TestClients.REPORTER_KEY).header("Idempotency-Key", key).body(request.toString()).post("/v1/reports")
                .then().statusCode(200).body("id", equalTo(first));
        ((ObjectNode) request.get(CYBERTIP)).put("additionalInfo", "changed");
        as(TestClients.REPORTER_KEY).header("Idempotency-Key", key).body(request.toString()).post("/v1/reports")
                .then().statusCode(409).body("type", equalTo("https://warden.dev/problems/report-conflict"));
    }

    @Test
    void aReportScopeSeesOnlyItsOwnReportsAndAdminSeesAll() {
        String id = create(TestClients.REPORTER_KEY,
                ReportBodies.request("intake-dsa", STATEMENT, ReportBodies.statement())).statusCode(202)
                .extract().path("id");

        as(OTHER_REPORTER_KEY).get("/v1/reports/" + id).then().statusCode(404).contentType(PROBLEM);
        as(TestClients.ADMIN_KEY).get("/v1/reports/" + id).then().statusCode(200);
        as(OTHER_REPORTER_KEY).queryParam("limit", "200").get("/v1/reports").then().statusCode(200)
                .body("reports.id", not(hasItem(id)));
        as(TestClients.MODERATOR_KEY).get("/v1/reports/" + id).then().statusCode(403);
        as(TestClients.REPORTER_KEY).post("/v1/reports/" + id + ":retry").then().statusCode(403);
    }

    @Test
    void listingFiltersByPartnerStatusAndAgeAndPagesWithoutRepeats() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(OTHER_REPORTER_KEY, ReportBodies.request("intake-dsa-extra", STATEMENT,
                    ReportBodies.statement())).statusCode(202).extract().path("id"));
        }
        TestDatabase.update("update report set created_at = now() - interval '2 hours', status = 'failed'"
                + " where id = ?::uuid", ids.get(0));

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = as(OTHER_REPORTER_KEY).queryParam("partner", "intake-dsa-extra")
                    .queryParam("limit", "2");
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            ValidatableResponse answer = page.get("/v1/reports").then().statusCode(200)
                    .body("reports[0]", not(hasKey("report")))
                    .body("reports[0]", not(hasKey("attempts")));
            listed.addAll(answer.extract().path("reports.id"));
            cursor = answer.extract().path("next");
        } while (cursor != null);

        assertThat(listed).containsExactlyElementsOf(List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1),
                ids.get(0)));
        as(OTHER_REPORTER_KEY).queryParam("partner", "intake-dsa-extra").queryParam("olderThan", "PT1H")
                .get("/v1/reports").then().statusCode(200).body("reports.id", equalTo(List.of(ids.get(0))));
        as(OTHER_REPORTER_KEY).queryParam("partner", "intake-dsa-extra").queryParam("status", "failed")
                .get("/v1/reports").then().statusCode(200).body("reports.id", equalTo(List.of(ids.get(0))));
        as(OTHER_REPORTER_KEY).queryParam("status", "lost").get("/v1/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(OTHER_REPORTER_KEY).queryParam("olderThan", "P1X").get("/v1/reports").then().statusCode(400)
                .body("errors[0].field", equalTo("olderThan"));
    }

    @Test
    void theColonActionsRouteApartFromGetAndAcceptAnEncodedColon() throws Exception {
        String id = create(TestClients.REPORTER_KEY,
                ReportBodies.request("intake-dsa", STATEMENT, ReportBodies.statement())).statusCode(202)
                .extract().path("id");

        as(TestClients.ADMIN_KEY).get("/v1/reports/" + id).then().statusCode(200).body("id", equalTo(id));
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":retry").then().statusCode(409)
                .body("type", equalTo("https://warden.dev/problems/report-not-retryable"));
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + "%3Aretry").then().statusCode(409)
                .body("type", equalTo("https://warden.dev/problems/report-not-retryable"));
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + "%3aretract").then().statusCode(409)
                .body("type", equalTo("https://warden.dev/problems/report-not-retractable"));
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":explode").then().statusCode(405)
                .contentType(PROBLEM);
    }

    @Test
    void retryOfAFailedReportQueuesItAgainWithAFreshDeliveryRow() throws Exception {
        String id = create(TestClients.REPORTER_KEY,
                ReportBodies.request("intake-dsa", STATEMENT, ReportBodies.statement())).statusCode(202)
                .extract().path("id");
        UUID before = TestDatabase.queryOne(UUID.class, "select work_id from report where id = ?::uuid", id);
        TestDatabase.update("update report set status = 'dead', last_error = 'still 503 after max-age'"
                + " where id = ?::uuid", id);
        as(TestClients.ADMIN_KEY).get("/v1/reports/" + id).then()
                .body("lastError.message", equalTo("still 503 after max-age"));

        String after = as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + "%3Aretry").then().statusCode(202)
                .body("status", equalTo("queued")).body("lastError", nullValue())
                .extract().path("deliveryId");

        assertThat(after).isNotEqualTo(before.toString());
        assertThat(TestDatabase.queryOne(String.class, "select kind || '/' || destination || '/' || subject_id"
                + " from outbox where id = ?::uuid", after)).isEqualTo("report/intake-dsa/" + id);
        assertThat(count("select count(*) from outbox where id = '" + before + "'")).isEqualTo(1);
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + id + ":retry").then().statusCode(409);
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + UUID.randomUUID() + ":retry").then().statusCode(404);
    }

    @Test
    void retractingAStatementIs409AndACybertipDependsOnWhetherItIsOpen() throws Exception {
        String statement = create(TestClients.REPORTER_KEY,
                ReportBodies.request("intake-dsa", STATEMENT, ReportBodies.statement())).statusCode(202)
                .extract().path("id");
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + statement + ":retract").then().statusCode(409)
                .body("detail", containsString("no withdrawal"));

        String unopened = create(TestClients.REPORTER_KEY,
                ReportBodies.request("intake-ncmec", CYBERTIP, ReportBodies.cybertip())).statusCode(202)
                .extract().path("id");
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + unopened + ":retract").then().statusCode(202)
                .body("status", equalTo("retracted")).body("deliveryId", nullValue());
        assertThat(count("select count(*) from outbox where kind = 'report-retract' and subject_id = '"
                + unopened + "'")).isZero();

        String open = create(TestClients.REPORTER_KEY,
                ReportBodies.request("intake-ncmec", CYBERTIP, ReportBodies.cybertip())).statusCode(202)
                .extract().path("id");
        TestDatabase.update("update report set status = 'in_progress', partner_report_id = '4564654'"
                + " where id = ?::uuid", open);
        String retraction = as(TestClients.ADMIN_KEY).post("/v1/reports/" + open + ":retract").then()
                .statusCode(202).body("status", equalTo("in_progress")).extract().path("deliveryId");
        assertThat(TestDatabase.queryOne(String.class, "select kind || '/' || destination || '/' || payload::text"
                + " from outbox where id = ?::uuid", retraction))
                .isEqualTo("report-retract/intake-ncmec/{\"requested\": true}");
        // The partner is switched off: the retraction waits, pending, as one waiting for its partner would.
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + open + ":retract").then().statusCode(202)
                .body("deliveryId", equalTo(retraction));

        TestDatabase.update("update report set status = 'accepted' where id = ?::uuid", open);
        as(TestClients.ADMIN_KEY).post("/v1/reports/" + open + ":retract").then().statusCode(409)
                .body("type", equalTo("https://warden.dev/problems/report-not-retractable"));
    }

    @Test
    void theRulesAreThePartnersConfiguredVersion() {
        ObjectNode statement = ReportBodies.statement();
        statement.put("category", "STATEMENT_CATEGORY_NEW");
        create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa", STATEMENT, statement)).statusCode(400)
                .body("errors[0].field", equalTo("statementOfReasons.category"))
                .body("errors[0].message", containsString("rules 2025-07-01"));

        create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa-extra", STATEMENT, statement))
                .statusCode(202).body("rulesVersion", equalTo("2025-07-01-extra"));
    }

    @Test
    void aBodyOverTheReportsLimitIs413BeforeItIsRead() {
        ObjectNode statement = ReportBodies.statement();
        statement.put("decisionFacts", "x".repeat(1024 * 1024 + 1));
        create(TestClients.REPORTER_KEY, ReportBodies.request("intake-dsa", STATEMENT, statement)).statusCode(413)
                .contentType(PROBLEM).body("detail", containsString("limit for reports"));
    }

    private static ValidatableResponse create(String key, ObjectNode body) {
        return as(key).body(body.toString()).post("/v1/reports").then();
    }

    static RequestSpecification as(String key) {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + key)
                .contentType("application/json");
    }

    private static long count(String sql) throws Exception {
        return TestDatabase.queryOne(Long.class, sql);
    }
}
