package dev.warden.reports.api;

import static dev.warden.reports.api.ReportsApiTest.as;
import static dev.warden.testkit.ManagementPort.management;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import dev.warden.persistence.TestDatabase;
import dev.warden.testkit.TestClients;

/** Reporting partners in {@code GET /v1/providers} and the report meters. */
@QuarkusTest
class ReportingProvidersViewTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STATEMENT = "statementOfReasons";

    @Test
    void reportingPartnersAreListedWithQueueDepthOldestPendingAndLastError() throws Exception {
        String id = as(TestClients.REPORTER_KEY).body(ReportBodies.request("intake-dsa", STATEMENT,
                ReportBodies.statement()).toString()).post("/v1/reports").then().statusCode(202)
                .extract().path("id");
        TestDatabase.update("update report set queued_at = now() - interval '3 hours' where id = ?::uuid", id);
        TestDatabase.update("insert into reporting_partner_state (partner, last_error, last_error_at, last_report_id,"
                + " last_http_status) values ('intake-dsa', 'the partner answered 503', now(), ?::uuid, 503)"
                + " on conflict (partner) do update set last_error = excluded.last_error,"
                + " last_error_at = excluded.last_error_at, last_report_id = excluded.last_report_id,"
                + " last_http_status = excluded.last_http_status", id);
        long pending = TestDatabase.queryOne(Long.class, "select count(*) from report where partner = 'intake-dsa'"
                + " and status in ('queued', 'in_progress', 'submitted')");

        await().atMost(WAIT).untilAsserted(() -> as(TestClients.ADMIN_KEY).get("/v1/providers").then()
                .statusCode(200)
                .body("providers.find { it.id == 'intake-dsa' }.kind", equalTo("reporting"))
                .body("providers.find { it.id == 'intake-dsa' }.adapter", equalTo("dsa-transparency"))
                .body("providers.find { it.id == 'intake-dsa' }.reporting.known", equalTo(true))
                .body("providers.find { it.id == 'intake-dsa' }.reporting.format", equalTo("statement_of_reasons"))
                .body("providers.find { it.id == 'intake-dsa' }.reporting.environment", equalTo("test"))
                .body("providers.find { it.id == 'intake-dsa' }.reporting.baseUrl",
                        equalTo("http://127.0.0.1:9/intake-dsa"))
                .body("providers.find { it.id == 'intake-dsa' }.reporting.queueDepth",
                        greaterThanOrEqualTo((int) pending))
                .body("providers.find { it.id == 'intake-dsa' }.reporting.lastError.message",
                        equalTo("the partner answered 503"))
                .body("providers.find { it.id == 'intake-dsa' }.reporting.lastError.reportId", equalTo(id))
                .body("providers.find { it.id == 'intake-ncmec' }.reporting.format", equalTo("cybertip"))
                .body("providers.find { it.id == 'local-rules' }.reporting", equalTo(null)));

        String oldest = as(TestClients.ADMIN_KEY).get("/v1/providers").then()
                .extract().path("providers.find { it.id == 'intake-dsa' }.reporting.oldestPendingAt");
        assertThat(OffsetDateTime.parse(oldest).toInstant()).isBefore(Instant.now().minus(Duration.ofHours(2)));
    }

    @Test
    void createdReportsAreCountedByPartnerAndSourceAndNoMeterCarriesReportContent() {
        ObjectNode statement = ReportBodies.statement();
        as(TestClients.REPORTER_KEY).body(ReportBodies.request("intake-dsa", STATEMENT, statement).toString())
                .post("/v1/reports").then().statusCode(202);

        await().atMost(WAIT).untilAsserted(() -> management().get("/q/metrics").then().statusCode(200)
                .body(containsString("warden_reports_created_total{partner=\"intake-dsa\",source=\"api\"}"))
                .body(containsString("warden_reports_pending{partner=\"intake-dsa\"}"))
                .body(containsString("warden_reports_oldest_pending_age_seconds{partner=\"intake-dsa\"}")));
        management().get("/q/metrics").then()
                .body(not(containsString(statement.get("puid").asText())))
                .body(not(containsString("evidence.platform.example")));
    }

    @Test
    void theReportMetersCountPendingReportsOfEveryReplica() throws Exception {
        String id = as(TestClients.REPORTER_KEY).body(ReportBodies.request("intake-dsa-extra", STATEMENT,
                ReportBodies.statement()).toString()).post("/v1/reports").then().statusCode(202)
                .extract().path("id");
        assertThat(UUID.fromString(id)).isNotNull();

        await().atMost(WAIT).untilAsserted(() -> management().get("/q/metrics").then()
                .body(containsString("warden_reports_pending{partner=\"intake-dsa-extra\"}"))
                .body(not(containsString("warden_reports_pending{partner=\"intake-dsa-extra\"} 0.0"))));
        as(TestClients.ADMIN_KEY).get("/v1/reports/" + id).then().body("queuedAt", notNullValue());
    }
}
